package io.taskhub.sync;

import java.util.Locale;
import java.util.regex.Pattern;

import io.taskhub.provider.Provider;
import io.taskhub.provider.ProviderRejection;

/**
 * The base URL of an API that serves each tenant on a host of its own ({@code https://api.{pod}.insightly.com},
 * {@code https://{subdomain}.example.com}): the template with one credential filled into its slot, unless the
 * integration's {@code endpoint.baseUrl} replaces the whole URL (which {@code security/EndpointPolicy} checks).
 */
public final class TenantUrl {

    /** A short host label: anything else (a dot, a slash, a {@code ?}) could point the credentials at another host. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private TenantUrl() {
    }

    /**
     * @param credential the credential that fills {@code {credential}} in the template, lower-cased
     * @param example    a valid value, for the words of a refusal: {@code na1}
     */
    public static String baseUrl(Provider.Connection connection, String template, String credential, String example) {
        String override = connection.endpoint("baseUrl", null);
        if (override != null) {
            return override;
        }
        String label = connection.credential(credential);
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new ProviderRejection("the " + credential + " must be a short name such as " + example + ", not "
                    + label);
        }
        return template.replace("{" + credential + "}", label.toLowerCase(Locale.ROOT));
    }
}
