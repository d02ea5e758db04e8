package com.makcrm.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The MaK-CRM server: embeds crm-core through its auto-configuration. */
@SpringBootApplication
public class CrmServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmServerApplication.class, args);
    }
}
