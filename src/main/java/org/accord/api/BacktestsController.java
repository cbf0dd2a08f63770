package org.accord.api;

import java.io.StringReader;
import org.accord.api.generated.BacktestsApi;
import org.accord.api.generated.model.BacktestResult;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.backtest.Layouts;
import org.accord.evaluation.EvaluationService;
import org.accord.validation.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backtests: a payer's results file in (and, optionally, the layout to read it with), the same
 * document as {@code accord backtest cms-puf --json} out. The file is bounded by the request size limit (2 MiB by default; the 548-row CMS file of
 * 2018 is 468 KiB), and its rows are settled in one batch, within the request's time budget ({@link JobSettings}).
 */
@RestController
class BacktestsController implements BacktestsApi {

    private final EvaluationService evaluations;
    private final JobSettings budgets;
    private final Layouts layouts = Layouts.load();

    BacktestsController(EvaluationService evaluations, JobSettings budgets) {
        this.evaluations = evaluations;
        this.budgets = budgets;
    }

    @Override
    public ResponseEntity<BacktestResult> runBacktest(String body, String layout) {
        org.accord.backtest.BacktestResult result;
        try {
            BacktestInput input = Backtest.read(new StringReader(body), layouts, layout, null);
            result = Backtest.compare(input, Backtest.evaluate(evaluations, input, budgets.forRequest()));
        } catch (InvalidInputException e) {
            // the backtest names each problem's line, row key and column where a JSON request has a pointer
            throw new InvalidFileException(e.problems());
        }
        return ResponseEntity.ok(Transport.converted(result, BacktestResult.class));
    }
}
