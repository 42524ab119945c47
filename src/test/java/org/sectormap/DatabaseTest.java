package org.sectormap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A test of the whole application against a real database: H2 by default, PostgreSQL when the
 * postgres Maven profile runs the {@code database} tag again against a server. Every table is
 * emptied before each test, so tests may commit freely, and the bootstrap administrator of the
 * test configuration created again. MockMvc requests run as a signed-in administrator unless a
 * test says otherwise (with {@code user(...)}, {@code anonymous()} or its own {@code @WithMockUser}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Tag("database")
@ExtendWith(CleanDatabase.class)
@WithMockUser(roles = "ADMIN")
public @interface DatabaseTest {
}
