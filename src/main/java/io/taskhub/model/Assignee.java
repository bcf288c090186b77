package io.taskhub.model;

public record Assignee(String email, Role role, AssignmentSource source) {
}
