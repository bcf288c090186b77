# The hub as an image: built with the project's Maven wrapper, run on a JRE. See docker-compose.yml for a
# cluster of replicas on one PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# dependencies in a layer of their own: a change to the sources does not download them again (resolve, not
# go-offline: the latter also asks for optional artifacts that are not published)
RUN ./mvnw -B -q dependency:resolve dependency:resolve-plugins
COPY src/ src/
COPY routes/ routes/
RUN ./mvnw -B -q -DskipTests package && cp target/taskhub-*.jar /src/taskhub.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --uid 10001 taskhub
WORKDIR /app
COPY --from=build /src/taskhub.jar taskhub.jar
COPY routes/ routes/
COPY config/ config/
RUN mkdir data && chown taskhub data
USER taskhub
ENV HUB_PORT=8080 HUB_ROUTES_DIR=/app/routes HUB_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/taskhub.jar"]
