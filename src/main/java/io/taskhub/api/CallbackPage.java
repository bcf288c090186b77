package io.taskhub.api;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The small page the browser shows at the end of a sign-in: what happened, in words, and never a secret. */
final class CallbackPage {

    private CallbackPage() {
    }

    static ResponseEntity<String> of(int status, String title, String words) {
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$s</title></head>
                <body><h1>%1$s</h1><p>%2$s</p></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(words));
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").body(html);
    }
}
