# The hub as an image: built with the project's Maven wrapper, run on a JRE. See docker-compose.yml for a
# cluster of replicas on one PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# dependencies in a layer of their own: a change to the sources does not download them again
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package && cp target/taskhub-*.jar /src/taskhub.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --uid 10001 taskhub
WORKDIR /app
COPY --from=build /src/taskhub.jar taskhub.jar
COPY routes/ routes/
RUN mkdir data && chown taskhub data
USER taskhub
ENV HUB_PORT=8080 HUB_ROUTES_DIR=/app/routes HUB_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/taskhub.jar"]
