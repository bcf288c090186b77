package io.taskhub.api;

import java.util.List;

import io.taskhub.model.Client;
import io.taskhub.model.Role;
import io.taskhub.model.Task;
import io.taskhub.model.TaskStatus;
import io.taskhub.model.User;
import io.taskhub.security.UserDirectory;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** The imported trees (read-only), manual assignments, trackable tasks and clients. */
@Component("tasksApi")
public class TasksApi {

    private final TaskQueries tasks;
    private final UserDirectory directory;

    public TasksApi(TaskQueries tasks, UserDirectory directory) {
        this.tasks = tasks;
        this.directory = directory;
    }

    public TaskQueries.TaskPage list(@Header("acc") String acc, @Header("integrationId") String integrationId,
                                 @Header("status") String status, @Header("type") String type,
                                 @Header("parentId") String parentId, @Header("q") String q,
                                 @Header("page") String page, @Header("size") String size) {
        long account = Accounts.existing(directory, acc);
        TaskQueries.Filter filter = new TaskQueries.Filter(
                blank(integrationId) ? null : Check.id("integrationId", integrationId),
                status(status), blank(type) ? null : type.trim(),
                blank(parentId) ? null : Check.id("parentId", parentId), blank(q) ? null : Check.text("q", q));
        return tasks.find(account, filter, Paging.page(page), Paging.size(size));
    }

    public Task get(@Header("acc") String acc, @Header("taskId") String taskId) {
        return task(Accounts.existing(directory, acc), taskId);
    }

    /** A manual assignment: syncs never undo it. */
    public Task assign(@Header("acc") String acc, @Header("taskId") String taskId,
                       @Body Requests.NewAssignee body, Exchange exchange) {
        long account = Accounts.existing(directory, acc);
        Task task = task(account, taskId);
        Check.body(body);
        String email = Check.email("email", body.email());
        User user = directory.user(account, email)
                .orElseThrow(() -> ApiProblem.invalid("email", "no user with this email in the account"));
        Role role = body.role() == null ? user.role()
                : Check.oneOf("role", body.role(), UsersApi.ROLES);
        tasks.assign(task.id(), user.email(), role);
        return Http.created(exchange, tasks.find(account, task.id()).orElseThrow());
    }

    public void unassign(@Header("acc") String acc, @Header("taskId") String taskId, @Header("email") String email,
                         Exchange exchange) {
        Task task = task(Accounts.existing(directory, acc), taskId);
        if (!tasks.unassign(task.id(), email)) {
            throw ApiProblem.notFound(email + " is not assigned to task " + task.id());
        }
        Http.noContent(exchange);
    }

    public List<Task> trackable(@Header("acc") String acc, @Header("email") String email) {
        long account = Accounts.existing(directory, acc);
        directory.user(account, email).orElseThrow(() -> ApiProblem.notFound("no user " + email + " in this account"));
        return tasks.trackable(account, email);
    }

    public List<Client> clients(@Header("acc") String acc) {
        return tasks.clients(Accounts.existing(directory, acc));
    }

    /** Imported structure is the provider's: clients cannot change it. */
    public void readOnly() {
        throw new ApiProblem(405, "Method not allowed", "imported tasks are read-only", null);
    }

    private Task task(long account, String taskId) {
        return tasks.find(account, Check.id("taskId", taskId))
                .orElseThrow(() -> ApiProblem.notFound("no task " + taskId + " in this account"));
    }

    private static TaskStatus status(String status) {
        if (blank(status) || status.equalsIgnoreCase("all")) {
            return blank(status) ? TaskStatus.ACTIVE : null;
        }
        return switch (status.trim().toLowerCase()) {
            case "active" -> TaskStatus.ACTIVE;
            case "archived" -> TaskStatus.ARCHIVED;
            default -> throw ApiProblem.invalid("status", "must be active, archived or all");
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
