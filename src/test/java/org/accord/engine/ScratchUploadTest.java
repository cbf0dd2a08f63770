package org.accord.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.terms.TemplateCatalog;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

class ScratchUploadTest {
    @Test
    void print() throws Exception {
        EvaluationService service = EvaluationService.load();
        service.customTables().add(CustomDecisionTable.check(Files.readAllBytes(Path.of("src/test/resources/uploads/flat-msr.dmn"))));
        service.publish(TemplateCatalog.readUpload(Files.readAllBytes(Path.of("src/test/resources/uploads/mssp-basic-flat-msr.yaml"))));
        for (String t : new String[] {"mssp-basic", "mssp-basic-flat-msr"}) {
            var s = service.evaluate(ContractChoice.of(t), Engine.example("small-panel"));
            System.out.println("=== " + t);
            s.lines().forEach(l -> System.out.println(l.scope() + " | " + l.clause() + " | " + l.amount() + " | " + l.basis() + " | " + l.explanation()));
        }
    }
}
