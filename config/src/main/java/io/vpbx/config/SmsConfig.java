package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sending text messages (confirmation codes, notices). {@code outbox}, the default, keeps them in the development
 * outbox; {@code smpp} sends through an SMPP 3.4 SMSC; {@code http} POSTs JSON to a provider's endpoint.
 *
 * @param gateway       outbox, smpp or http
 * @param smppHost      the SMSC's host
 * @param smppPort      the SMSC's port
 * @param smppSystemId  the bind's system_id
 * @param smppPassword  the bind's password
 * @param smppSystemType the bind's system_type (often empty)
 * @param sender        the source address of every message (a short code, an alphanumeric name or a number)
 * @param httpUrl       where the http gateway POSTs {@code {"to","from","text"}}
 * @param httpToken     sent as "Authorization: Bearer" by the http gateway; empty for none
 * @param timeout       connect and answer timeout of one send
 * @param retryBase     first delay after a failed send, doubled (with jitter) up to {@code retryMax}
 * @param retryMax      longest delay between attempts
 * @param giveUpAfter   a message still failing this long after it was queued is marked failed
 */
public record SmsConfig(String gateway, String smppHost, int smppPort, String smppSystemId, Optional<String> smppPassword,
                        String smppSystemType, String sender, Optional<String> httpUrl, Optional<String> httpToken, Duration timeout,
                        Duration retryBase, Duration retryMax, Duration giveUpAfter) {
    public SmsConfig {
        Objects.requireNonNull(smppPassword, "sms.smpp.password");
        Objects.requireNonNull(httpUrl, "sms.http.url");
        Objects.requireNonNull(httpToken, "sms.http.token");
        if (gateway.equals("http") && httpUrl.isEmpty()) {
            throw new IllegalArgumentException("sms.http.url: required when sms.gateway is http");
        }
        Checks.requirePositive(timeout, "sms.timeout");
        Checks.requirePositive(retryBase, "sms.retry-base");
        Checks.requirePositive(retryMax, "sms.retry-max");
        Checks.requirePositive(giveUpAfter, "sms.give-up-after");
    }

    /** Whether messages leave the machine (otherwise they stay in the development outbox). */
    public boolean real() {
        return !gateway.equals("outbox");
    }
}
