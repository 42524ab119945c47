package org.sectormap.backup;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.sectormap.shared.ApiController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The same backup for scripts, and a restore that takes the file as the request's body, so a
 * register larger than the upload form allows can still move (curl --data-binary @backup.zip).
 */
@ApiController
class BackupApiController {

    private final Backups backups;
    private final MessageSource messages;
    private final Clock clock;

    BackupApiController(Backups backups, MessageSource messages, Clock clock) {
        this.backups = backups;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(path = "/api/backup", produces = "application/zip")
    void download(HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + BackupController.fileName(clock) + "\"");
        backups.write(response.getOutputStream());
    }

    @PostMapping(path = "/api/backup/restore", consumes = "application/zip")
    ResponseEntity<Map<String, Object>> restore(InputStream body) {
        try {
            return ResponseEntity.ok(Map.of("restored", backups.restore(body)));
        } catch (BackupRefusedException e) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("errors",
                    List.of(Map.of("message", messages.getMessage(e, LocaleContextHolder.getLocale())))));
        }
    }
}
