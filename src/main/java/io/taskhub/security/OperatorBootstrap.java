package io.taskhub.security;

import java.security.SecureRandom;
import java.util.Base64;

import io.taskhub.config.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates the operator at first start. A generated password is printed once; only its hash is kept. */
@Component
@Order(0)
public class OperatorBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final HubProperties.Operator operator;

    public OperatorBootstrap(JdbcTemplate jdbc, PasswordEncoder encoder, HubProperties hub) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.operator = hub.operator();
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from hub_user where lower(login) = lower(?)",
                Integer.class, operator.user());
        if (existing != null && existing > 0) {
            return;
        }
        String password = operator.password();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        jdbc.update("insert into hub_user (login, name, role, password_hash) values (?, 'Operator', 'OPERATOR', ?)",
                operator.user(), encoder.encode(password));
        if (generated) {
            // printed, not logged at a level that log shippers keep: it is shown this once only
            System.out.printf("%n  Operator created: user '%s', password '%s' (shown once; set HUB_OPERATOR_PASSWORD "
                    + "to choose it)%n%n", operator.user(), password);
        } else {
            LOG.info("Operator '{}' created", operator.user());
        }
    }
}
