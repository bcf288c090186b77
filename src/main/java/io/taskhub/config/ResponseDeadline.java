package io.taskhub.config;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.springframework.stereotype.Component;

/**
 * Bounds each provider call of camel-http as a whole. The read timeout only bounds the silence between two packets:
 * a server that trickles its answer a few bytes at a time would hold a sync worker as long as it liked. A call whose
 * answer is not complete after {@code hub.http.response-timeout-ms} has its connection closed and fails as a timeout,
 * which the sync retries like any broken connection.
 */
@Component("responseDeadline")
public class ResponseDeadline implements HttpClientConfigurer {

    private final Duration limit;
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(run -> {
        Thread thread = new Thread(run, "http-response-deadline");
        thread.setDaemon(true);
        return thread;
    });

    public ResponseDeadline(HttpProperties http) {
        this.limit = Duration.ofMillis(http.responseTimeoutMs());
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addExecInterceptorFirst("response-deadline", this::bounded);
    }

    private ClassicHttpResponse bounded(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        Deadline deadline = new Deadline(scope.execRuntime);
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException e) {
            deadline.disarm();
            throw deadline.explain(e);
        } catch (HttpException | RuntimeException e) {
            deadline.disarm();
            throw e;
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            deadline.disarm();
        } else {
            response.setEntity(new BoundedEntity(entity, deadline));
        }
        return response;
    }

    /** Closes the call's connection when the time is up, unless the whole answer was read before. */
    private final class Deadline {

        private final ExecRuntime call;
        private final ScheduledFuture<?> alarm;
        private volatile boolean passed;

        Deadline(ExecRuntime call) {
            this.call = call;
            this.alarm = alarms.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void expire() {
            passed = true;
            call.discardEndpoint();
        }

        void disarm() {
            alarm.cancel(false);
        }

        IOException explain(IOException broken) {
            if (!passed) {
                return broken;
            }
            SocketTimeoutException timeout = new SocketTimeoutException("the provider's answer timed out: not "
                    + "complete within " + limit.toMillis() + " ms (hub.http.response-timeout-ms)");
            timeout.initCause(broken);
            return timeout;
        }
    }

    /** The answer's body, read through a stream that stops the alarm at its end. */
    private static final class BoundedEntity extends HttpEntityWrapper {

        private final Deadline deadline;

        BoundedEntity(HttpEntity entity, Deadline deadline) {
            super(entity);
            this.deadline = deadline;
        }

        @Override
        public InputStream getContent() throws IOException {
            InputStream content = super.getContent();
            return content == null ? null : new FilterInputStream(content) {
                @Override
                public int read() throws IOException {
                    return ended(guarded(super::read));
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return ended(guarded(() -> super.read(buffer, offset, length)));
                }

                @Override
                public void close() throws IOException {
                    deadline.disarm();
                    super.close();
                }
            };
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream content = getContent()) {
                if (content != null) {
                    content.transferTo(out);
                }
            }
        }

        private int guarded(Read read) throws IOException {
            try {
                return read.next();
            } catch (IOException e) {
                deadline.disarm();
                throw deadline.explain(e);
            }
        }

        private int ended(int read) {
            if (read < 0) {
                deadline.disarm();
            }
            return read;
        }

        private interface Read {
            int next() throws IOException;
        }
    }
}
