package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectormap.organisation.Category;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zaxxer.hikari.HikariDataSource;

/** A new installation on an H2 file, migrated at its first start, as `./run` makes one. */
@SpringBootTest
class MigrationsOnH2Tests {

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void newH2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:" + folder.resolve("sectormap") + ";MODE=Regular;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    OrganisationService organisations;

    @Test
    void shouldStillCheckARecordOnceThePoolHasClosedTheConnectionThatRanTheMigrations() throws Exception {
        // Held open so that the database stays open while the pool closes every other connection,
        // as it does one by one after their 30 minutes.
        try (Connection held = dataSource.getConnection()) {
            dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

            long id = organisations.create(OrganisationDetails.of("Derby Forum", OutreachStatus.LISTED)
                    .with(OrganisationField.CATEGORY, Category.BME_INFRASTRUCTURE));

            assertThat(organisations.get(id).details().get(OrganisationField.CATEGORY))
                    .isEqualTo(Category.BME_INFRASTRUCTURE);
            assertThat(held.isValid(1)).isTrue();
        }
    }
}
