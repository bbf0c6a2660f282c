package dev.orderflow.provider;

/** A refusal answered as {@code application/problem+json}; thrown before anything was written. */
final class ApiProblem extends RuntimeException {
    final int status;
    final String title;

    ApiProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad request", detail);
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail);
    }

    static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail);
    }

    static ApiProblem keyReused(String detail) {
        return new ApiProblem(422, "Idempotency-Key reused", detail);
    }
}
