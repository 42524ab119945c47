package org.sectormap;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Downloads a backup, empties the database as a new installation and restores the backup into it, through the pages. */
public final class BackupRoundTrip {

    private BackupRoundTrip() {
    }

    public static void restore(MockMvc mvc, ApplicationContext spring) throws Exception {
        byte[] backup = mvc.perform(get("/backup/download")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        CleanDatabase.emptyNow(spring);
        mvc.perform(multipart("/backup/restore").file(new MockMultipartFile("file", "backup.zip", "application/zip",
                backup)).with(csrf())).andExpect(redirectedUrl("/backup"));
    }
}
