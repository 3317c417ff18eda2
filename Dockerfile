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
# A fixed maximum heap keeps the node's resident memory under 700 MiB (README, Deployment).
ENTRYPOINT ["java", "-Xmx384m", "-jar", "/app/app.jar"]
