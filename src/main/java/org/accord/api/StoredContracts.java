package org.accord.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.accord.api.generated.model.ContractDetail;
import org.accord.api.generated.model.ContractPublication;
import org.accord.api.generated.model.NewContract;
import org.accord.api.generated.model.NewContractVersion;
import org.accord.content.Canonical;
import org.accord.document.ContractDocument;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.settlement.Settlement;
import org.accord.settlement.VersionStanding;
import org.accord.store.ContentStore;
import org.accord.store.Contract;
import org.accord.store.ContractStore;
import org.accord.store.ContractVersion;
import org.accord.store.Publication;
import org.accord.store.StoredTemplates;
import org.accord.terms.ContractTemplate;
import org.accord.terms.Terms;
import org.accord.terms.TermsResolver;
import org.accord.validation.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contracts and their versions as the API reads and answers them: each version checked against
 * its template for every performance year its period touches and hashed (docs/hashes.md), and a
 * request's contract choice resolved, from a template and overrides or a stored version.
 */
@Component
class StoredContracts {

    static final String INITIAL = "initial";
    static final String DRAFT = "draft";
    /** Each year a version covers is checked against the template: a bound on that work. */
    static final int MAXIMUM_YEARS = 10;
    private static final TypeReference<Map<String, Object>> OVERRIDES = new TypeReference<>() {
    };

    private final ContractStore contracts;
    /** The template files versions were made on, by hash: the served file, else the stored one. */
    private final StoredTemplates templates;
    private final EvaluationService evaluations;
    private final Caller caller;
    private final JsonMapper json;

    StoredContracts(ContractStore contracts, ContentStore content, EvaluationService evaluations, Caller caller, JsonMapper json) {
        this.contracts = contracts;
        this.templates = new StoredTemplates(content);
        this.evaluations = evaluations;
        this.caller = caller;
        this.json = json;
    }

    ContractDetail create(NewContract body) {
        ContractTemplate template = evaluations.templates().find(body.getTemplateId()).orElseThrow(() ->
                new InvalidInputException("/templateId", evaluations.templates().noTemplate(body.getTemplateId())));
        String name = body.getName() == null ? INITIAL : body.getName();
        ContractVersion first = contracts.create(body.getIpaId(), body.getPayer(), template.id(),
                checked(template, body.getIpaId(), body.getPayer(), name, DRAFT, body.getOverrides(), body.getEffectiveFrom(),
                        body.getEffectiveTo()));
        return detail(first.contractId());
    }

    org.accord.api.generated.model.ContractVersion addVersion(String contractId, NewContractVersion body) {
        Contract contract = contract(contractId);
        ContractTemplate template = evaluations.templates().find(contract.templateId()).orElseThrow(() ->
                new InvalidInputException("/", "the contract's template '" + contract.templateId() + "' is no longer served"));
        return version(contracts.addVersion(contract, checked(template, contract.ipaId(), contract.payer(), body.getName(),
                body.getKind().getValue(), body.getOverrides(), body.getEffectiveFrom(), body.getEffectiveTo())));
    }

    /**
     * A version checked as an evaluation would check its terms, for every performance year its
     * period touches, with its hash.
     */
    private org.accord.store.NewContractVersion checked(ContractTemplate template, String ipaId, String payer, String name,
            String kind, Map<String, Object> overrides, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("/effectiveTo", "the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (to.getYear() - from.getYear() >= MAXIMUM_YEARS) {
            throw new InvalidInputException("/effectiveTo", "a version covers at most " + MAXIMUM_YEARS
                    + " performance years; this one " + from.getYear() + " to " + to.getYear());
        }
        Map<String, Object> sent = overrides == null ? Map.of() : overrides;
        List<org.accord.validation.InputProblem> problems = new ArrayList<>();
        sent.forEach((parameter, value) -> Transport.checkDecimals(value, "/overrides/" + Problems.token(parameter), problems));
        InvalidInputException.throwIfAny(problems);
        Map<String, Object> accepted = null;
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            Terms terms;
            try {
                terms = TermsResolver.resolve(template, sent, year);
            } catch (InvalidInputException e) {
                // A year the template does not settle is a problem of the period, not of facts: of its start when that
                // is the year (before the template's first, or already after its last), else of its end running past.
                String atFault = year == from.getYear() ? "/effectiveFrom" : "/effectiveTo";
                throw new InvalidInputException(e.problems().stream().map(p -> p.pointer().equals("/period/performanceYear")
                        ? new org.accord.validation.InputProblem(atFault, p.reason()) : p).toList());
            }
            accepted = accepted == null ? terms.overrides() : accepted;
        }
        // docs/hashes.md, versionHash: the terms the version sets, not its name or who made it.
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("ipaId", ipaId);
        canonical.put("payer", payer);
        canonical.put("templateId", template.id());
        canonical.put("templateHash", template.contentHash());
        canonical.put("overrides", new TreeMap<>(accepted));
        canonical.put("effectiveFrom", from.toString());
        canonical.put("effectiveTo", to.toString());
        return new org.accord.store.NewContractVersion(name, kind, template.contentHash(), json.writeValueAsString(sent),
                from, to, Canonical.hash(canonical), caller.current());
    }

    List<org.accord.api.generated.model.Contract> list(String ipaId, String payer) {
        return contracts.list(ipaId, payer).stream().map(StoredContracts::contract).toList();
    }

    ContractDetail detail(String contractId) {
        Contract contract = contract(contractId);
        return new ContractDetail(contract(contract),
                contracts.versions(contractId).stream().map(this::version).toList(),
                contracts.publications(contractId).stream().map(StoredContracts::publication).toList());
    }

    List<org.accord.api.generated.model.ContractVersion> versions(String contractId) {
        contract(contractId);
        return contracts.versions(contractId).stream().map(this::version).toList();
    }

    org.accord.api.generated.model.ContractVersion version(String contractId, String versionId) {
        return version(storedVersion(contractId, versionId));
    }

    /**
     * The contract document of a version, on the template it was made on: the one served when its
     * hash is the version's, else the stored file (every version's template is stored when it is made). A
     * document of another text would not be the version's: when the store has lost that text or no longer
     * reads it, a 409 says so.
     */
    ContractDocument document(String contractId, String versionId) {
        ContractVersion version = storedVersion(contractId, versionId);
        ContractTemplate template = madeOn(version, reason -> new ConflictException(reason + ": its contract document cannot be written"));
        return ContractDocument.of(template, contract(contractId), version, json.readValue(version.overrides(), OVERRIDES),
                contracts.versions(contractId), contracts.publications(contractId));
    }

    ContractPublication publish(String contractId, String versionId) {
        ContractVersion version = storedVersion(contractId, versionId);
        // A version no evaluation would take is not put in force: the store has lost the template it was made on.
        madeOn(version, reason -> new ConflictException(reason + ": add a version on the template in force and publish that"));
        return publication(contracts.publish(version, caller.current()));
    }

    /**
     * The template a version was made on, which it is settled on whatever version of the template
     * is served now (a payer's template published again for a new year leaves the contracts signed
     * on the old text as they were, docs/store.md).
     *
     * @param refusal what is thrown, with the reason, when the store has lost the template's text or no longer reads it
     */
    private ContractTemplate madeOn(ContractVersion version, Function<String, ? extends RuntimeException> refusal) {
        String template = "version " + version.number() + " was made on template " + version.templateId() + " " + version.templateHash();
        Optional<ContractTemplate> found;
        try {
            found = templates.find(evaluations.templates(), version.templateId(), version.templateHash());
        } catch (InvalidInputException | IllegalStateException unreadable) {
            // Stored, but not readable as a template today: its bytes damaged (not YAML), or a schema or a concept since
            // removed. The reading says which as an IllegalStateException (YAML, schema) or an InvalidInputException (terms).
            throw refusal.apply(template + ", whose stored text no longer reads as a template: " + unreadable.getMessage());
        }
        return found.orElseThrow(() -> refusal.apply(template + ", whose text this service neither serves nor holds in its store"));
    }

    private ContractVersion storedVersion(String contractId, String versionId) {
        return contracts.version(versionId).filter(v -> v.contractId().equals(contractId))
                .orElseThrow(() -> new NotFoundException("contract '" + contractId + "' has no version '" + versionId + "'"));
    }

    private Contract contract(String contractId) {
        return contracts.find(contractId).orElseThrow(() -> new NotFoundException("no contract '" + contractId + "'"));
    }

    /**
     * The contract a request chose, at {@code at} in its body ({@code /contract}, {@code /baseline}):
     * a template with overrides, or a stored version, on the template it was made on, which must cover
     * the facts' period.
     */
    ContractChoice choice(org.accord.api.generated.model.ContractChoice choice, String at, PerformanceFacts facts) {
        String versionId = choice.getContractVersionId();
        if (versionId == null) {
            if (choice.getTemplateId() == null) {
                throw new InvalidRequestException(List.of(Problems.atPointer(at + "/templateId",
                        "is required: a templateId, or contractVersionId (a stored contract version)")));
            }
            return Transport.contract(choice, at);
        }
        if (choice.getTemplateId() != null) {
            throw new InvalidRequestException(List.of(Problems.atPointer(at + "/contractVersionId",
                    "give either templateId or contractVersionId, not both")));
        }
        if (choice.getOverrides() != null && !choice.getOverrides().isEmpty()) {
            throw new InvalidRequestException(List.of(Problems.atPointer(at + "/overrides",
                    "a contract version carries its own overrides: add a version to change them")));
        }
        String pointer = at + "/contractVersionId";
        ContractVersion version = contracts.version(versionId)
                .orElseThrow(() -> new InvalidInputException(pointer, "no contract version '" + versionId + "'"));
        // Drafts and proposals are the negotiators' (README, Roles): a caller who may not read a version (an integrator)
        // evaluates only one that has been published, in force now or once (a superseded one still settles its old period);
        // the settlement would otherwise show it every term of an unpublished proposal.
        if (!caller.mayCall("getContractVersion") && contracts.publications(version.contractId()).stream()
                .noneMatch(publication -> publication.versionId().equals(version.id()))) {
            throw new ForbiddenException(pointer, "version " + version.number() + " of contract '" + version.contractId()
                    + "' has never been published: a caller who may not read contract versions (an integrator) evaluates only"
                    + " versions that are or were in force; drafts and proposals are the negotiators' (getContractVersion is open"
                    + " to negotiator, reviewer, admin)");
        }
        ContractTemplate template = madeOn(version, reason -> new InvalidInputException(pointer, reason));
        // A contract is an IPA's: another IPA's version does not settle these facts (it did, and the run was filed under them).
        String contractIpa = facts == null ? null : contracts.find(version.contractId()).map(Contract::ipaId).orElseThrow();
        if (facts != null && !contractIpa.equals(facts.ipa().id())) {
            throw new InvalidInputException(pointer, "version " + version.number() + " is of a contract of the IPA '" + contractIpa
                    + "', not of '" + facts.ipa().id() + "' whose facts these are");
        }
        VersionStanding standing = null;
        if (facts != null) {
            outsideItsPeriod(version, facts.period()).ifPresent(reason -> {
                throw new InvalidInputException(pointer, reason);
            });
            if (facts.period() != null) {
                standing = ContractStore.standing(version, contracts.versions(version.contractId()), contracts.publications(version.contractId()),
                        PerformancePeriod.firstDay(facts.period()), PerformancePeriod.lastDay(facts.period()));
            }
        }
        return ContractChoice.madeOn(template, json.readValue(version.overrides(), OVERRIDES),
                new Settlement.StoredVersion(version.id(), version.versionHash(), standing));
    }

    /**
     * A version settles only facts of days within its effective period: over a longer period its terms
     * would be applied to days it was never written for (an amendment for July to December settled
     * January to June too, without a word). Such facts are split at the amendment and each part
     * evaluated with its own version. Within its period it settles whether or not it is in force
     * there ({@link #standing}). A period without a start or an end is its performance year's, as the
     * API document and the cash flow read it; facts without a period are left to the facts' check.
     */
    private static Optional<String> outsideItsPeriod(ContractVersion version, PerformancePeriod period) {
        if (period == null) {
            return Optional.empty();
        }
        LocalDate start = PerformancePeriod.firstDay(period);
        LocalDate end = PerformancePeriod.lastDay(period);
        String effective = "version " + version.number() + " is effective " + version.effectiveFrom() + " to " + version.effectiveTo();
        String facts = "the facts' period " + start + " to " + end
                + (period.start() == null || period.end() == null ? " (performance year " + period.performanceYear() + ")" : "");
        if (end.isBefore(version.effectiveFrom()) || start.isAfter(version.effectiveTo())) {
            return Optional.of(effective + ", outside " + facts);
        }
        if (start.isBefore(version.effectiveFrom()) || end.isAfter(version.effectiveTo())) {
            long days = ChronoUnit.DAYS.between(start, end.plusDays(1));
            LocalDate coveredFrom = start.isAfter(version.effectiveFrom()) ? start : version.effectiveFrom();
            LocalDate coveredTo = end.isBefore(version.effectiveTo()) ? end : version.effectiveTo();
            long outside = days - ChronoUnit.DAYS.between(coveredFrom, coveredTo.plusDays(1));
            return Optional.of(effective + " and does not cover " + facts + " (" + outside + " of its " + days
                    + " days are outside it): its terms would settle days outside the period they were written for; evaluate facts of the days it covers");
        }
        return Optional.empty();
    }

    private static org.accord.api.generated.model.Contract contract(Contract c) {
        return new org.accord.api.generated.model.Contract(c.id(), c.ipaId(), c.payer(), c.templateId(),
                c.createdAt().atOffset(ZoneOffset.UTC), c.createdBy());
    }

    private org.accord.api.generated.model.ContractVersion version(ContractVersion v) {
        return new org.accord.api.generated.model.ContractVersion(v.id(), v.contractId(), v.number(), v.name(), v.kind(),
                v.templateId(), v.templateHash(), json.readValue(v.overrides(), OVERRIDES), v.effectiveFrom(), v.effectiveTo(),
                v.versionHash(), v.createdAt().atOffset(ZoneOffset.UTC), v.createdBy());
    }

    private static ContractPublication publication(org.accord.store.Publication p) {
        return new ContractPublication(p.sequence(), p.contractId(), p.versionId(), p.publishedAt().atOffset(ZoneOffset.UTC),
                p.publishedBy());
    }
}
