package io.taskhub.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/** HTTP Basic for everything but health and the OpenAPI document; the operator alone reaches Hawtio and actuator. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/actuator/jolokia/**"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .httpBasic(basic -> basic.realmName("taskhub").authenticationEntryPoint((req, res, e) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"taskhub\"");
                    problems.write(res, 401, "Unauthorized", "valid credentials are required");
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
                        problems.write(res, 403, "Forbidden", "this needs the OPERATOR")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/openapi.json").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .addFilterAfter(new AccountAccessFilter(problems), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    VerifiedCredentials verifiedCredentials(HubUserDetailsService users, PasswordEncoder encoder,
                                            @Value("${hub.security.verified-login-ttl:PT5M}") Duration ttl) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        return new VerifiedCredentials(bcrypt, ttl);
    }

    @Bean
    AuthenticationManager authenticationManager(VerifiedCredentials verifiedCredentials) {
        return new ProviderManager(verifiedCredentials);
    }
}
