package org.sectormap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SectorMapApplication {

    public static void main(String[] args) {
        SpringApplication.run(SectorMapApplication.class, args);
    }
}
