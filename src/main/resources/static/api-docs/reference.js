// Swagger UI on the hub's own OpenAPI document; a file of its own, not inline, so a strict CSP (script-src 'self') allows it
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true
  });
});
