package org.accord.api;

import org.accord.api.generated.ContractTemplatesApi;
import org.accord.api.generated.model.ContractTemplate;
import org.accord.api.generated.model.ContractTemplateList;
import org.accord.evaluation.EvaluationService;
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
}
