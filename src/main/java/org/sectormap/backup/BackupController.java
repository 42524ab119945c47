package org.sectormap.backup;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Labels;
import org.sectormap.shared.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The administrator's page: download the whole register as one file, or restore one into an empty Sector Map. */
@Controller
class BackupController {

    private static final String PAGE = "backup/backup";

    private final Backups backups;
    private final Labels labels;
    private final Clock clock;

    BackupController(Backups backups, Labels labels, Clock clock) {
        this.backups = backups;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping("/backup")
    String page(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return PAGE;
    }

    @GetMapping("/backup/download")
    void download(HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(clock) + "\"");
        backups.write(response.getOutputStream());
    }

    @PostMapping("/backup/restore")
    String restore(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(model, response, Problem.of("file", "backup.noFile"));
        }
        Map<String, Long> restored;
        try (InputStream in = file.getInputStream()) {
            restored = backups.restore(in);
        } catch (BackupRefusedException e) {
            return refused(model, response, Problem.of("file", e.getCodes()[0], e.getArguments()));
        }
        redirect.addFlashAttribute("notice", "backup.restored");
        redirect.addFlashAttribute("noticeArgs", new Object[] {restored.getOrDefault("organisation", 0L)});
        return "redirect:/backup";
    }

    private String refused(Model model, HttpServletResponse response, Problem problem) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", labels.errors(List.of(problem)));
        return PAGE;
    }

    static String fileName(Clock clock) {
        return "sector-map-backup-" + LocalDate.now(clock) + ".zip";
    }
}
