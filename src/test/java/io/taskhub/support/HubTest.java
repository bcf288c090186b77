package io.taskhub.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.taskhub.TaskHubApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole hub on a random port, with its own embedded PostgreSQL in a fresh data directory: the real thing, as a
 * client meets it. Route reloading is off; the {@code test} profile shortens retry delays. After the class, the
 * imported trees are checked for integrity.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TaskHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(TreeIntegrity.class)
public @interface HubTest {
}
