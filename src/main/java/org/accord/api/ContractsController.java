package org.accord.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.accord.api.generated.ContractsApi;
import org.accord.api.generated.model.ContractDetail;
import org.accord.api.generated.model.ContractList;
import org.accord.api.generated.model.ContractPublication;
import org.accord.api.generated.model.ContractVersion;
import org.accord.api.generated.model.ContractVersionList;
import org.accord.api.generated.model.NewContract;
import org.accord.api.generated.model.NewContractVersion;
import org.accord.document.ContractDocument;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Stored contracts, their versions and publications (docs/store.md). */
@RestController
class ContractsController implements ContractsApi {

    private static final String CONTRACTS = "/api/v1/contracts/";

    private final StoredContracts contracts;

    ContractsController(StoredContracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public ResponseEntity<ContractDetail> createContract(NewContract body) {
        ContractDetail created = contracts.create(body);
        return ResponseEntity.created(URI.create(CONTRACTS + created.getContract().getId())).body(created);
    }

    @Override
    public ResponseEntity<ContractList> listContracts(String ipaId, String payer) {
        return ResponseEntity.ok(new ContractList(contracts.list(ipaId, payer)));
    }

    @Override
    public ResponseEntity<ContractDetail> getContract(String contractId) {
        return ResponseEntity.ok(contracts.detail(contractId));
    }

    @Override
    public ResponseEntity<ContractVersion> addContractVersion(String contractId, NewContractVersion body) {
        ContractVersion added = contracts.addVersion(contractId, body);
        return ResponseEntity.created(URI.create(CONTRACTS + contractId + "/versions/" + added.getId())).body(added);
    }

    @Override
    public ResponseEntity<ContractVersionList> listContractVersions(String contractId) {
        return ResponseEntity.ok(new ContractVersionList(contracts.versions(contractId)));
    }

    @Override
    public ResponseEntity<ContractVersion> getContractVersion(String contractId, String versionId) {
        return ResponseEntity.ok(contracts.version(contractId, versionId));
    }

    /** The contract document of a version, as Markdown or as a printable HTML page. */
    @Override
    public ResponseEntity<String> getContractVersionDocument(String contractId, String versionId, String format) {
        if (format != null && !format.equals("markdown") && !format.equals("html")) {
            throw new InvalidRequestException(List.of(Problems.atParameter("format", "must be markdown or html")));
        }
        ContractDocument document = contracts.document(contractId, versionId);
        return "html".equals(format)
                ? ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(document.html())
                : ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_MARKDOWN, StandardCharsets.UTF_8)).body(document.markdown());
    }

    @Override
    public ResponseEntity<ContractPublication> publishContractVersion(String contractId, String versionId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(contracts.publish(contractId, versionId));
    }
}
