package io.taskhub.security;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import io.taskhub.config.HubProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * HTTP Basic for everything but health, the OpenAPI document and its reference page, the provider webhooks and the
 * OAuth callback; the operator alone reaches Hawtio and actuator.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String OAUTH_CALLBACK = "/oauth/callback/*";

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ProblemWriter problems,
                                    ObjectProvider<CamelRequestHandlerMapping> restRouting,
                                    ObjectProvider<CamelContext> camel)
            throws Exception {
        // the console runs in a browser, which would send the operator's cached credentials along with a forged
        // request: it gets CSRF tokens; the REST API is for services, which hold no cookies
        http.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::isApi, SecurityConfig::isWebhook)
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiInputFilter(problems), BasicAuthenticationFilter.class)
                // every call carries its credentials: no session is kept for it, nor a request saved for after a login
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .httpBasic(basic -> basic.realmName("taskhub").authenticationEntryPoint((req, res, e) -> {
                    if (e instanceof LoginThrottle.Throttled throttled) {
                        res.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                        problems.write(res, 429, "Too many requests", throttled.getMessage());
                        return;
                    }
                    res.setHeader("WWW-Authenticate", "Basic realm=\"taskhub\"");
                    problems.write(res, 401, "Unauthorized", "valid credentials are required");
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
                        problems.write(res, 403, "Forbidden", ex instanceof CsrfException
                                ? "the console's requests carry its CSRF token" : "this needs the OPERATOR")))
                .authorizeHttpRequests(auth -> auth
                        // the error page of a request already let through: a failure on an open path stays a 500
                        // rather than turning into a 401 for the anonymous caller
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/openapi.json").permitAll()
                        // the API reference reads the document above: open like it
                        .requestMatchers(HttpMethod.GET, "/api/docs", "/api-docs/**", "/webjars/swagger-ui/**")
                        .permitAll()
                        // the provider sends the user's browser back here: the single-use state is the proof, and
                        // a GET needs no CSRF token
                        .requestMatchers(HttpMethod.GET, OAUTH_CALLBACK).permitAll()
                        // providers log in nowhere: each webhook checks its delivery's signature or secret
                        .requestMatchers(HttpMethod.POST, "/webhooks/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .addFilterAfter(new OperationGuard(restRouting::getObject, camel::getObject, problems), AuthorizationFilter.class);
        return http.build();
    }

    /** The REST API, however its letters are cased: paths that route nowhere are answered 404, not refused. */
    static boolean isApi(HttpServletRequest request) {
        return request.getServletPath().toLowerCase(Locale.ROOT).startsWith("/api/");
    }

    /** Provider webhooks: no session, no cookies, no browser. */
    static boolean isWebhook(HttpServletRequest request) {
        return request.getServletPath().toLowerCase(Locale.ROOT).startsWith("/webhooks/");
    }

    /** Paths the firewall refuses (encoded slashes, dot segments, ;parameters, doubled slashes): plain 400s. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(response, 400, "Invalid request",
                "the request's path or parameters are not in canonical form");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    VerifiedCredentials verifiedCredentials(JdbcTemplate jdbc, PasswordEncoder encoder, HubProperties hub) {
        HubProperties.Logins logins = hub.security();
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(new HubUserDetailsService(jdbc));
        bcrypt.setPasswordEncoder(encoder);
        return new VerifiedCredentials(bcrypt, new LoginThrottle(logins.loginFailures(), logins.addressLoginFailures(),
                logins.loginFailureWindow(), logins.concurrentLoginChecks()), logins.verifiedLoginTtl());
    }

    @Bean
    AuthenticationManager authenticationManager(VerifiedCredentials verifiedCredentials) {
        return new ProviderManager(verifiedCredentials);
    }
}
