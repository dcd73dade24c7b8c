# hubbot: a static binary on a minimal base, run as a non-root user.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/hubbot ./cmd/hubbot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/hubbot /hubbot
ENV HUBBOT_ADDR=0.0.0.0:8080 HUBBOT_ADMIN_ADDR=0.0.0.0:9090
EXPOSE 8080 9090
USER nonroot:nonroot
HEALTHCHECK --interval=30s --timeout=3s CMD ["/hubbot", "healthcheck"]
ENTRYPOINT ["/hubbot"]
CMD ["serve"]
