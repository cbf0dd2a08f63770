package org.accord.api;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers itself, before any of Accord's code runs (a path with {@code %00},
 * {@code %5c} or an overlong {@code %c0%af}), comes back as a problem like every other error
 * rather than as Tomcat's HTML page. Installed as the host's error report valve.
 */
public final class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String detail = status == 400 ? "the request line or a header is malformed (for example an encoded NUL,"
                + " backslash or overlong UTF-8 sequence in the path)" : "the server refused the request before reading it";
        // built from known values only: nothing of the refused request is echoed
        var problem = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", known != null ? known.getReasonPhrase() : "Error")
                .put("status", status)
                .put("detail", detail);
        try {
            response.setContentType(Problems.PROBLEM_JSON.toString());
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was committed meanwhile: nothing left to tell it
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, e);
        }
    }
}
