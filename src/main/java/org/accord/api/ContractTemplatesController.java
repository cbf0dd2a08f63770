package org.accord.api;

import org.accord.api.generated.ContractTemplatesApi;
import org.accord.api.generated.model.ContractTemplate;
import org.accord.api.generated.model.ContractTemplateList;
import org.accord.evaluation.EvaluationService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.accord.document.ContractDocument;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The contract templates, their clauses and parameters. */
@RestController
class ContractTemplatesController implements ContractTemplatesApi {

    private final EvaluationService evaluations;

    ContractTemplatesController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public ResponseEntity<ContractTemplateList> listContractTemplates() {
        return ResponseEntity.ok(new ContractTemplateList(
                evaluations.templates().all().stream().map(Transport::summary).toList()));
    }

    @Override
    public ResponseEntity<ContractTemplate> getContractTemplate(String templateId) {
        return evaluations.templates().find(templateId)
                .map(template -> ResponseEntity.ok(Transport.template(template)))
                .orElseThrow(() -> new NotFoundException("no template '" + templateId + "'; known: "
                        + evaluations.templates().all().stream().map(org.accord.terms.ContractTemplate::id).toList()));
    }

    /** The contract document a reviewer reads, as Markdown or as a printable HTML page. */
    @Override
    public ResponseEntity<String> getContractDocument(String templateId, String format) {
        org.accord.terms.ContractTemplate template = evaluations.templates().find(templateId)
                .orElseThrow(() -> new NotFoundException("no template '" + templateId + "'; known: "
                        + evaluations.templates().all().stream().map(org.accord.terms.ContractTemplate::id).toList()));
        if (format != null && !format.equals("markdown") && !format.equals("html")) {
            throw new InvalidRequestException(java.util.List.of(Problems.atParameter("format", "must be markdown or html")));
        }
        ContractDocument document = ContractDocument.of(template, Map.of());
        return "html".equals(format)
                ? ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(document.html())
                : ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_MARKDOWN, StandardCharsets.UTF_8)).body(document.markdown());
    }
}
