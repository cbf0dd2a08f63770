package org.accord.api;

import org.accord.api.generated.ContractTemplatesApi;
import org.accord.api.generated.model.ContractTemplate;
import org.accord.api.generated.model.ContractTemplateList;
import org.accord.api.generated.model.UploadedDecisionTable;
import org.accord.engine.CustomDecisionTable;
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
    private final PublishedTemplates published;

    ContractTemplatesController(EvaluationService evaluations, PublishedTemplates published) {
        this.evaluations = evaluations;
        this.published = published;
    }

    @Override
    public ResponseEntity<ContractTemplate> publishContractTemplate(String body) {
        PublishedTemplates.Publication publication = published.publish(body.getBytes(StandardCharsets.UTF_8));
        ContractTemplate template = Transport.template(publication.template());
        return publication.published()
                ? ResponseEntity.created(java.net.URI.create("/api/v1/contract-templates/" + publication.template().id())).body(template)
                : ResponseEntity.ok(template);
    }

    @Override
    public ResponseEntity<UploadedDecisionTable> uploadDecisionTable(String body) {
        CustomDecisionTable table = published.upload(body.getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.created(java.net.URI.create("/api/v1/decision-tables/" + table.hash()))
                .body(new UploadedDecisionTable(table.hash(), table.modelName()));
    }

    @Override
    public ResponseEntity<String> getDecisionTable(String tableHash) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .body(new String(published.table(tableHash), StandardCharsets.UTF_8));
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
                .orElseThrow(() -> new NotFoundException(evaluations.templates().noTemplate(templateId)));
    }

    /** The contract document a reviewer reads, as Markdown or as a printable HTML page. */
    @Override
    public ResponseEntity<String> getContractDocument(String templateId, String format) {
        org.accord.terms.ContractTemplate template = evaluations.templates().find(templateId)
                .orElseThrow(() -> new NotFoundException(evaluations.templates().noTemplate(templateId)));
        if (format != null && !format.equals("markdown") && !format.equals("html")) {
            throw new InvalidRequestException(java.util.List.of(Problems.atParameter("format", "must be markdown or html")));
        }
        ContractDocument document = ContractDocument.of(template, Map.of());
        return "html".equals(format)
                ? ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(document.html())
                : ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_MARKDOWN, StandardCharsets.UTF_8)).body(document.markdown());
    }
}
