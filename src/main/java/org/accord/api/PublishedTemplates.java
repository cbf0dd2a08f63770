package org.accord.api;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.accord.engine.CustomDecisionTable;
import org.accord.evaluation.EvaluationService;
import org.accord.security.AuditLog;
import org.accord.security.CallAudit;
import org.accord.store.ContentKind;
import org.accord.store.ContentStore;
import org.accord.store.TemplateVersions;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Templates and decision tables as data (issues 16 and 17): an admin publishes a template or
 * uploads a table through the API, or an operator names a folder of templates
 * ({@code accord.templates.dir}); each is checked, stored by its content hash and evaluated with
 * at once. At start the service takes back every table and template published before, from the
 * store, so a restart changes nothing.
 */
@Component
class PublishedTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedTemplates.class);

    /** The outcome of a publication: the template as evaluations see it, and whether it is new. */
    record Publication(ContractTemplate template, boolean published) {
    }

    private final EvaluationService evaluations;
    private final ContentStore content;
    /** How long one uploaded table may take to validate and compile. */
    private final java.time.Duration compileBound;
    /** The stored uploads a start found no longer passing the checks of a publication, by id, and why. */
    private final java.util.Map<String, String> notPublished = new java.util.TreeMap<>();

    /** The stored uploads this start did not publish because they no longer pass, by id, each with its reasons. */
    java.util.Map<String, String> notPublished() {
        return java.util.Collections.unmodifiableMap(notPublished);
    }

    /** The ids an admin may not take: shipped templates and the operator's folder. */
    private final java.util.Set<String> reserved = new java.util.TreeSet<>();

    /**
     * The text each version was first published with, held by the store: a version names one text for good, so other
     * content under it is refused whatever version has been in force since (found from outside: a version replaced by
     * others took new terms), and whichever service on the database publishes it (each kept this in its own memory).
     */
    private final TemplateVersions versions;

    /** Where a publication from the operator's folder is audited; an admin's is audited as every call is. */
    private final AuditLog audit;

    PublishedTemplates(EvaluationService evaluations, ContentStore content,
            @Value("${accord.templates.dir:}") String templatesDir,
            @Value("${accord.decision-tables.compile-timeout:30s}") java.time.Duration compileBound, AuditLog audit,
            TemplateVersions versions) {
        this.evaluations = evaluations;
        this.content = content;
        this.compileBound = compileBound;
        this.audit = audit;
        this.versions = versions;
        evaluations.templates().all().forEach(t -> reserved.add(t.id()));
        java.util.Map<String, byte[]> stored = content.allOf(ContentKind.TEMPLATE);
        recordVersionsOf(stored);
        if (!templatesDir.isBlank()) {
            publishFolder(Path.of(templatesDir), stored.keySet());
        }
        restore(stored);
    }

    /**
     * Records the version of each stored text the store has not recorded, under the text stored first (texts published
     * before the store held the versions, Flyway V9; a start does it again for any it finds). The shipped texts of this
     * build are passed over unread: their ids are no one else's to take. An id or a version longer than the store names
     * them by was refused since (template.schema.json) and is not published again: it is not recorded either.
     */
    private void recordVersionsOf(java.util.Map<String, byte[]> stored) {
        Set<String> shipped = new HashSet<>();
        evaluations.templates().all().forEach(t -> shipped.add(t.contentHash()));
        java.util.Map<TemplateVersions.Label, String> recorded = versions.all();
        stored.forEach((hash, bytes) -> {
            if (!shipped.contains(hash)) {
                TemplateCatalog.idOf(bytes).ifPresent(id -> TemplateCatalog.versionOf(bytes).ifPresent(version -> {
                    TemplateVersions.Label label = new TemplateVersions.Label(id, version);
                    if (!recorded.containsKey(label) && id.length() <= TemplateVersions.LONGEST && version.length() <= TemplateVersions.LONGEST) {
                        recorded.put(label, versions.record(label, hash));
                    }
                }));
            }
        });
    }

    /**
     * The operator's templates, each stored and put in force, none of them when one gives a version stored before with
     * other content: the folder is read at every start, and a file changed under its version would change the terms
     * its runs name. A text stored for the first time is a publication, audited as an admin's is, by the folder.
     *
     * @param stored the hashes of the templates stored before this start
     * @throws InvalidInputException naming each such file
     */
    private void publishFolder(Path folder, Set<String> stored) {
        java.util.Map<Path, ContractTemplate> files = new java.util.LinkedHashMap<>();
        List<InputProblem> problems = new java.util.ArrayList<>();
        for (ContractTemplate template : evaluations.templates().with(folder).all()) {
            if (reserved.add(template.id())) {
                Path file = fileOf(folder, template);
                files.put(file, template);
                otherTextOf(template).ifPresent(first -> problems.add(new InputProblem(file.toString(), publishedBefore(template, first) + ONE_TEXT)));
            }
        }
        InvalidInputException.throwIfAny(problems);
        files.forEach((file, template) -> {
            String first = versions.record(labelOf(template), template.contentHash());
            if (!first.equals(template.contentHash())) {
                // Another service on the database published the version with other content since the check above.
                throw new InvalidInputException(file.toString(), publishedBefore(template, first) + ONE_TEXT);
            }
            try {
                content.put(ContentKind.TEMPLATE, java.nio.file.Files.readAllBytes(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            evaluations.publish(template);
            if (!stored.contains(template.contentHash())) {
                audit.append("folder:" + folder, PUBLISH, audited(template), 201);
            }
        });
    }

    /** The operation an admin publishes a template with, and the folder's publications are audited as. */
    private static final String PUBLISH = "publishContractTemplate";

    /**
     * What the audit log names a publication by: the template's address, shared by every version of its id, with the
     * version and the hash of the text, which name the terms put in force.
     */
    private static String audited(ContractTemplate template) {
        return "/api/v1/contract-templates/" + template.id() + " version " + template.version() + " " + template.contentHash();
    }

    /** The folder's file whose bytes hash to the template's hash (the catalog read them). */
    private static Path fileOf(Path folder, ContractTemplate template) {
        try (var files = java.nio.file.Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (org.accord.content.ContentHash.of(java.nio.file.Files.readAllBytes(file)).equals(template.contentHash())) {
                    return file;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no file in " + folder + " holds template " + template.id());
    }

    private static TemplateVersions.Label labelOf(ContractTemplate template) {
        return new TemplateVersions.Label(template.id(), template.version());
    }

    /** The hash of the text the template's id and version were first published with, when that text is another. */
    private java.util.Optional<String> otherTextOf(ContractTemplate template) {
        return versions.textOf(labelOf(template)).filter(first -> !first.equals(template.contentHash()));
    }

    /** The refusal of other content under a version published before: the first text's hash, and the version in force since. */
    private static IdTaken otherContent(ContractTemplate template, String first, ContractTemplate known) {
        return new IdTaken(publishedBefore(template, first) + (known == null ? "" : ", since replaced by version " + known.version())
                + ONE_TEXT);
    }

    private static String publishedBefore(ContractTemplate template, String first) {
        return "template '" + template.id() + "' version " + template.version() + " was published before with other content (" + first + ")";
    }

    private static final String ONE_TEXT = ": a version names one text for good; give a changed template a new version";

    /**
     * Tables first (templates name them), then templates in the order they were stored, a later
     * version replacing an earlier one; a stored template whose id is now shipped or in the
     * operator's folder stays stored (runs name it) but is not published again.
     */
    private void restore(java.util.Map<String, byte[]> stored) {
        java.util.Map<String, InvalidInputException> refusedTables = new java.util.HashMap<>();
        content.allOf(ContentKind.DECISION_TABLE).forEach((hash, bytes) -> {
            try {
                evaluations.customTables().add(CustomDecisionTable.check(bytes, compileBound));
            } catch (InvalidInputException e) {
                // Accepted once; refused now because it fails a check added since (a cell that reads the clock), or
                // because this machine could not compile it in time: the templates naming it stay unpublished, and
                // say why, rather than the service not starting.
                refusedTables.put(hash, e);
                LOG.error("stored decision table {} is refused now: it no longer passes the checks a table is uploaded with: {}",
                        hash, e.problems());
            }
        });
        // The templates already known (shipped, the operator's folder) are stored at every start: read
        // again, each would only be found reserved, so they are passed over by their hash unread.
        Set<String> known = new HashSet<>();
        evaluations.templates().all().forEach(t -> known.add(t.contentHash()));
        stored.forEach((hash, bytes) -> {
            if (known.contains(hash)) {
                return;
            }
            ContractTemplate template;
            try {
                template = TemplateCatalog.readUpload(bytes);
            } catch (InvalidInputException e) {
                // Stored for its runs only. An older shipped text (its id reserved) is expected to; an upload that passed
                // when published and fails a check added since is said, so that its id's "no template" has a reason.
                TemplateCatalog.idOf(bytes).filter(id -> !reserved.contains(id))
                        .ifPresent(id -> notPublished.put(id, TemplateCatalog.notPublished(id, hash, e)));
                return;
            }
            if (!reserved.contains(template.id())) {
                java.util.List<String> tablesRefused = template.decisionTables().entrySet().stream()
                        .filter(table -> refusedTables.containsKey(table.getValue()))
                        .map(table -> "its decision table " + table.getValue() + " for '" + table.getKey() + "' no longer passes the checks"
                                + " a table is uploaded with: " + String.join("; ", refusedTables.get(table.getValue()).problems().stream()
                                        .map(p -> p.pointer() + ": " + p.reason()).toList()))
                        .toList();
                if (!tablesRefused.isEmpty()) {
                    notPublished.put(template.id(), "stored template " + template.id() + " (" + hash + ") is not published: "
                            + String.join("; ", tablesRefused));
                } else if (evaluations.decisionTableProblems(template).isEmpty()) {
                    evaluations.publish(template);
                } else {
                    LOG.error("stored template {} ({}) is not published: {}", template.id(), hash,
                            evaluations.decisionTableProblems(template));
                }
            }
        });
        // A later version of the same id that passes is in force: the older one is not missed.
        notPublished.keySet().removeIf(id -> evaluations.templates().find(id).isPresent());
        notPublished.values().forEach(reason -> LOG.error(reason));
        LOG.info("{} templates and {} uploaded decision tables are available", evaluations.templates().all().size(),
                content.allOf(ContentKind.DECISION_TABLE).size());
    }

    /**
     * Checks and publishes a template sent by an admin.
     *
     * @throws InvalidInputException (422) naming each field and reason; nothing is stored then
     * @throws IdTaken (409) for a shipped template's id, a published one's at the same version, other content under a
     *                 version published before (a version names one text for good), or the bytes of a version another has
     *                 replaced: the version in force is the last one published, also after a restart
     */
    synchronized Publication publish(byte[] bytes) {
        ContractTemplate template = TemplateCatalog.readUpload(bytes);
        CallAudit.about(audited(template));
        if (reserved.contains(template.id())) {
            throw new IdTaken("a shipped template has the id '" + template.id() + "': give yours another id");
        }
        ContractTemplate known = evaluations.templates().find(template.id()).orElse(null);
        if (known != null && known.contentHash().equals(template.contentHash())) {
            return new Publication(known, false);
        }
        if (known != null && known.version().equals(template.version())) {
            throw new IdTaken("template '" + template.id() + "' version " + template.version()
                    + " is published with other content (" + known.contentHash() + "): give a changed template a new version");
        }
        java.util.Optional<String> otherText = otherTextOf(template);
        if (otherText.isPresent()) {
            throw otherContent(template, otherText.get(), known);
        }
        if (known != null && content.get(template.contentHash(), ContentKind.TEMPLATE).isPresent()) {
            // Its bytes are stored once, where they were first published: taken back in that order at a restart,
            // they would not be the version in force any more.
            throw new IdTaken("template '" + template.id() + "' version " + template.version() + " was published before and replaced by version "
                    + known.version() + ": publish it again under a new version");
        }
        InvalidInputException.throwIfAny(evaluations.decisionTableProblems(template));
        // Recorded before it is stored, so that a text the store refuses is never stored: another service on the database
        // may have published the version with other content since the check above, and only one text is taken.
        String first = versions.record(labelOf(template), template.contentHash());
        if (!first.equals(template.contentHash())) {
            throw otherContent(template, first, known);
        }
        content.put(ContentKind.TEMPLATE, bytes);
        evaluations.publish(template);
        return new Publication(template, true);
    }

    /**
     * Checks and stores a decision table sent by an admin.
     *
     * @throws InvalidFileException (422) naming each place in the model and reason; nothing is stored then
     */
    CustomDecisionTable upload(byte[] bytes) {
        CustomDecisionTable table;
        try {
            table = CustomDecisionTable.check(bytes, compileBound);
        } catch (InvalidInputException e) {
            throw new InvalidFileException(e.problems());
        }
        content.put(ContentKind.DECISION_TABLE, bytes);
        return evaluations.customTables().add(table);
    }

    /** The stored text of an uploaded table. */
    byte[] table(String hash) {
        return evaluations.customTables().find(hash).flatMap(table -> content.get(hash))
                .orElseThrow(() -> new NotFoundException("no decision table " + hash + " has been uploaded"));
    }

    /** An id that is not the caller's to take: a 409. */
    static final class IdTaken extends RuntimeException {
        IdTaken(String message) {
            super(message);
        }
    }

}
