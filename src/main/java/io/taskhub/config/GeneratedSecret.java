package io.taskhub.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A random 256-bit secret that the hub generates once and keeps in a file of the data directory. */
public final class GeneratedSecret {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedSecret.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedSecret() {
    }

    /** The file's secret (base64), generated into it first if it does not exist. */
    public static String readOrCreate(Path file, String what) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            Files.createDirectories(file.toAbsolutePath().getParent());
            // readable by the owner alone from the moment it exists, not only once the secret is in it
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            LOG.info("Generated {} in {}: keep it with the data directory", what, file);
        }
        return Files.readString(file).trim();
    }
}
