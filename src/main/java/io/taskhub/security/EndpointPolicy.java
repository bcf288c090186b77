package io.taskhub.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.taskhub.api.ApiProblem;
import io.taskhub.config.HubProperties;
import io.taskhub.provider.Provider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where an integration's {@code endpoint} overrides may send the hub's requests (and its credentials). A plain
 * {@code http(s)://host[:port][/path]}: no query, fragment, user info or escapes that a client library could read as
 * options. The host is one of the provider's own public domains, or one the operator lists in
 * {@code HUB_ENDPOINT_HOSTS}; anything else (loopback, private, link-local and metadata addresses included) is
 * refused before any request leaves the hub.
 */
@Component
public class EndpointPolicy {

    private static final Pattern PLAIN_URL = Pattern.compile(
            "(?<scheme>https?)://(?<host>[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(?::(?<port>\\d{1,5}))?(?<path>/[A-Za-z0-9._~/-]*)?");
    private static final int MAX_LENGTH = 500;

    private final List<String> operatorHosts;

    @Autowired
    public EndpointPolicy(HubProperties hub) {
        this(hub.endpointHosts() == null ? "" : hub.endpointHosts());
    }

    /** @param operatorHosts {@code hub.endpoint-hosts}: names, IPs or {@code *.suffix}, comma-separated */
    public EndpointPolicy(String operatorHosts) {
        this.operatorHosts = Arrays.stream(operatorHosts.split(","))
                .map(host -> host.trim().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).toList();
    }

    /** The overrides as they will be used (trailing slashes dropped), or a 400 naming the first refused field. */
    public Map<String, String> check(Provider provider, Map<String, String> endpoint) {
        Map<String, String> checked = new HashMap<>();
        if (endpoint == null) {
            return checked;
        }
        endpoint.forEach((name, url) -> {
            String field = "endpoint." + name;
            if (!provider.endpointFields().contains(name)) {
                throw ApiProblem.invalid(field, provider.id() + " endpoints are " + provider.endpointFields());
            }
            checked.put(name, checkUrl(provider, field, url));
        });
        return checked;
    }

    private String checkUrl(Provider provider, String field, String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH || !PLAIN_URL.matcher(url.trim()).matches()) {
            throw ApiProblem.invalid(field, "must be a plain http(s)://host[:port][/path] URL, without query, "
                    + "fragment, user info or escapes");
        }
        String trimmed = url.trim().replaceAll("/+$", "");
        URI uri = URI.create(trimmed);
        if (uri.getPort() > 65535) {
            throw ApiProblem.invalid(field, "has no valid port");
        }
        // a host Java cannot read as a name or an address (127.1, 127.0.0.1.): no server to check it against
        if (uri.getHost() == null) {
            throw ApiProblem.invalid(field, "has no valid host name or address");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (listedByOperator(host)) {
            return trimmed;
        }
        if (!isPublicDomainOf(provider.publicDomains(), host) || resolvesInside(host)) {
            throw ApiProblem.invalid(field, "may point only at " + provider.id() + "'s own domains "
                    + provider.publicDomains() + " or at hosts the operator allows (HUB_ENDPOINT_HOSTS)");
        }
        return trimmed;
    }

    private boolean listedByOperator(String host) {
        return operatorHosts.stream().anyMatch(allowed -> allowed.startsWith("*.")
                ? host.endsWith(allowed.substring(1)) : host.equals(allowed));
    }

    private static boolean isPublicDomainOf(List<String> publicDomains, String host) {
        return publicDomains.stream().anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain));
    }

    /**
     * Whether a request the hub did not address itself may go to this URL: one a provider's answer names (Salesforce's
     * {@code instance_url}), or a redirect's. The same rule as for overrides: the provider's domains, or the
     * operator's hosts.
     */
    public boolean allows(List<String> publicDomains, URI url) {
        String host = url.getHost() == null ? null : url.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        return host != null && (listedByOperator(host) || (isPublicDomainOf(publicDomains, host)
                && !resolvesInside(host)));
    }

    /**
     * A provider domain whose name leads inside this network is not the provider. A name that does not resolve here
     * is left to fail at the call.
     */
    private static boolean resolvesInside(String host) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).anyMatch(EndpointPolicy::isInternal);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6
                || (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64); // carrier-grade NAT
    }
}
