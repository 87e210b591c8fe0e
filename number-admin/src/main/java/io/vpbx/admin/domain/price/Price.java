package io.vpbx.admin.domain.price;

import java.util.Objects;

/** What a number costs: once when connected, then every month. Both in one currency. */
public record Price(Money connectionFee, Money monthlyFee) {

    public Price {
        Objects.requireNonNull(connectionFee, "connectionFee");
        Objects.requireNonNull(monthlyFee, "monthlyFee");
        if (!connectionFee.currency().equals(monthlyFee.currency())) {
            throw new IllegalArgumentException("connection and monthly fee must share a currency, got "
                    + connectionFee.currency() + " and " + monthlyFee.currency());
        }
    }

    public String currency() {
        return monthlyFee.currency();
    }
}
