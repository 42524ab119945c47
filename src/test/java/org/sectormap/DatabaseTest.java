package org.sectormap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A test of the whole application against a real database: H2 by default, PostgreSQL when the
 * postgres Maven profile runs the {@code database} tag again against a server. Every table is
 * emptied before each test, so tests may commit freely.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Tag("database")
@ExtendWith(CleanDatabase.class)
public @interface DatabaseTest {
}
