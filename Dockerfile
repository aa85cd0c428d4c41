# Build: the project's own Maven build, tests run by CI rather than here.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app certiflow
WORKDIR /app
COPY --from=build /build/target/certiflow-*.jar /app/certiflow.jar
USER certiflow
ENV CERTIFLOW_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/certiflow.jar"]
