package org.sectormap;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * API writes as a script sends them: with the bootstrap administrator's token from the test
 * configuration, which is what lets them skip CSRF (a cookie-signed-in call would need its token).
 */
public final class ApiCalls {

    public static final String TOKEN = "test-token-0123456789-abcdefghij";

    private ApiCalls() {
    }

    public static MockHttpServletRequestBuilder post(String path, Object... variables) {
        return MockMvcRequestBuilders.post(path, variables).header("Authorization", "Bearer " + TOKEN);
    }

    public static MockHttpServletRequestBuilder put(String path, Object... variables) {
        return MockMvcRequestBuilders.put(path, variables).header("Authorization", "Bearer " + TOKEN);
    }
}
