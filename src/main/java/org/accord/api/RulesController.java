package org.accord.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.accord.api.generated.RulesApi;
import org.accord.api.generated.model.RuleBaseListing;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The rule files, read-only, and the methodology reference they cite. */
@RestController
class RulesController implements RulesApi {

    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    private static final MediaType MARKDOWN = new MediaType(MediaType.TEXT_MARKDOWN, StandardCharsets.UTF_8);
    private static final Pattern METHODOLOGY_PAGE = Pattern.compile("[A-Za-z0-9-]{1,90}\\.md");

    private final RuleFiles files;

    RulesController(RuleFiles files) {
        this.files = files;
    }

    @Override
    public ResponseEntity<RuleBaseListing> listRules() {
        return ResponseEntity.ok(files.listing());
    }

    @Override
    public ResponseEntity<String> getRuleFile(String path) {
        if (!RuleFiles.isSafe(path)) {
            throw new InvalidRequestException(List.of(Problems.atParameter("path",
                    "must be a path under rules/ such as payment/shared-savings.drl: at most 300 characters, "
                            + "without '..', '//' or a leading '/'")));
        }
        return files.text(path)
                .map(text -> ResponseEntity.ok().contentType(TEXT).body(text))
                .orElseThrow(() -> new NotFoundException("no rule file '" + path + "'; GET /api/v1/rules lists them"));
    }

    @Override
    public ResponseEntity<String> getMethodologyPage(String page) {
        if (page == null || !METHODOLOGY_PAGE.matcher(page).matches()) {
            throw new InvalidRequestException(List.of(Problems.atParameter("page",
                    "must be a page's file name such as medicare-shared-savings-program.md: letters, digits and hyphens, then .md")));
        }
        try (InputStream in = RulesController.class.getClassLoader().getResourceAsStream("methodology/" + page)) {
            if (in == null) {
                throw new NotFoundException("no methodology page '" + page + "'; GET /api/v1/methodology/README.md lists them");
            }
            return ResponseEntity.ok().contentType(MARKDOWN).body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same file addressed with literal slashes ({@code /rules/payment/shared-savings.drl}), as
     * a person types it; generated clients send the slash encoded and reach {@link #getRuleFile}.
     */
    @GetMapping(value = "/rules/{*path}", produces = {"text/plain", "application/problem+json"})
    public ResponseEntity<String> getRuleFileAtLiteralPath(@PathVariable("path") String path) {
        return getRuleFile(path.startsWith("/") ? path.substring(1) : path);
    }
}
