package org.sectormap;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One person's browser against real servers: it keeps the session cookie it is given, whichever
 * instance gave it, follows no redirects, and posts forms with the CSRF token of the page they are on.
 * For what MockMvc cannot show: the session as Spring Session stores it, shared between instances.
 */
public final class HttpBrowser {

    public static final String COOKIE = "SESSION";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String cookie;

    /** Sends this header with every request from now on, as a proxy in front would add it. */
    public HttpBrowser with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(request(port, path).GET());
    }

    /** Opens {@code page}, then submits its form whose action is {@code action} with its CSRF token. */
    public HttpResponse<String> submit(int port, String page, String action, String... pairs)
            throws IOException, InterruptedException {
        HttpResponse<String> shown = get(port, page);
        Element form = Jsoup.parse(shown.body()).selectFirst("form[action=\"" + action + "\"]");
        if (form == null) {
            throw new IllegalStateException("No form posting to " + action + " on " + page + " (" + shown.statusCode()
                    + ")");
        }
        StringBuilder body = new StringBuilder("_csrf=")
                .append(URLEncoder.encode(form.selectFirst("input[name=_csrf]").attr("value"), StandardCharsets.UTF_8));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(port, action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The CSRF token of {@code page}'s first form, for a script posting as this browser's session. */
    public String csrf(int port, String page) throws IOException, InterruptedException {
        return Jsoup.parse(get(port, page).body()).selectFirst("form input[name=_csrf]").attr("value");
    }

    public HttpResponse<String> signIn(int port, String email, String password) throws IOException, InterruptedException {
        return submit(port, "/sign-in", "/sign-in", "email", email, "password", password);
    }

    public HttpResponse<String> signOut(int port) throws IOException, InterruptedException {
        return submit(port, "/account", "/sign-out");
    }

    public String cookie() {
        return cookie;
    }

    private HttpRequest.Builder request(int port, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return cookie == null ? request : request.header("Cookie", cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .ifPresent(c -> cookie = c.equals(COOKIE + "=") ? null : c);
        return response;
    }
}
