package io.storeops.refund;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** refund-service: after-sale refunds and returns, never more than was paid. */
@SpringBootApplication
public class RefundServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RefundServiceApplication.class, args);
    }
}
