package com.coursedesk.data.api;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodiesTest {

    private static JsonObject parse(byte[] body) {
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void plainCredentialsGiveCompactJson() {
        byte[] body = JsonBodies.login("ada@example.com", "learn-ada-2026".toCharArray());
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"email\":\"ada@example.com\",\"password\":\"learn-ada-2026\"}");
    }

    @Test
    void everyAwkwardCharacterSurvivesTheRoundTrip() {
        String password = "q\"uote\\back\nline\ttab\u0000nul\u001f 日本語 😀 é";
        JsonObject json = parse(JsonBodies.login("ü@example.com", password.toCharArray()));
        assertThat(json.get("password").getAsString()).isEqualTo(password);
        assertThat(json.get("email").getAsString()).isEqualTo("ü@example.com");
        assertThat(json.keySet()).containsExactly("email", "password");
    }

    @Test
    void controlCharactersAreEscaped() {
        String text = new String(JsonBodies.login("a", "x\u0001y".toCharArray()), StandardCharsets.UTF_8);
        assertThat(text).contains("x\\u0001y");
    }

    @Test
    void loneSurrogateIsRefusedRatherThanSilentlyReplaced() {
        assertThatThrownBy(() -> JsonBodies.login("a", new char[] {'x', '\uD800'}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("x");
    }

    @Test
    void emptyPasswordIsStillValidJson() {
        assertThat(parse(JsonBodies.login("a", new char[0])).get("password").getAsString()).isEmpty();
    }
}
