package io.vpbx.admin.service.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.config.SmsConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends through a provider's HTTP endpoint (sms.http.url, the operator's choice): a POST of
 * {@code {"to","from","text"}} as JSON with the bearer token when one is set; a 2xx answer means taken. Redirects are
 * not followed. The provider's answer is not read further than its status (nor logged: it may echo the text).
 */
public final class HttpSmsSender implements SmsSender {
    private final SmsConfig config;
    private final ObjectMapper mapper;
    private final HttpClient client;
    private final URI url;

    public HttpSmsSender(SmsConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.url = URI.create(config.httpUrl().orElseThrow());
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String send(String toE164, String text) throws SmsFailure {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(mapper.createObjectNode().put("to", toE164).put("from", config.sender()).put("text", text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("three strings always write as JSON", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.timeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        config.httpToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            HttpResponse<Void> answer = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 != 2) {
                throw new SmsFailure("the provider answered " + answer.statusCode(), null);
            }
            return null;
        } catch (IOException e) {
            throw new SmsFailure("the provider could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsFailure("interrupted", e);
        }
    }
}
