# Build: the application jar, without the test-only embedded database.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:resolve
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -ntp -q package -DskipTests && cp target/qsmo-workflow-*.jar /src/app.jar

# Run: a JRE and the jar, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 qsmo
WORKDIR /app
COPY --from=build /src/app.jar app.jar
USER qsmo
EXPOSE 8080
# A fixed maximum heap, the serial collector (a small heap on few cores) and two malloc arenas keep the node's
# resident memory under 700 MiB, also after a scoring run (README, Deployment; docs/performance.md). The
# benchmark measures the server with the same settings (bench.serverJvmArgs).
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-Xmx384m", "-XX:+UseSerialGC", "-jar", "/app/app.jar"]
