package io.taskhub.api;

import io.taskhub.security.UserDirectory;

/** The account named by the path; the security filter has already checked the caller may see it. */
final class Accounts {

    private Accounts() {
    }

    static long existing(UserDirectory directory, String acc) {
        long id = Check.id("acc", acc);
        if (!directory.accountExists(id)) {
            throw ApiProblem.notFound("no account " + id);
        }
        return id;
    }
}
