# syntax=docker/dockerfile:1
# K8sBot container image: see docs/deploy.md.

# ---- build: restore in its own layer (changes only with project files), then publish ----
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/K8sBot/K8sBot.csproj src/K8sBot/
COPY src/K8sBot.Core/K8sBot.Core.csproj src/K8sBot.Core/
COPY src/K8sBot.Discord/K8sBot.Discord.csproj src/K8sBot.Discord/
COPY src/K8sBot.Slack/K8sBot.Slack.csproj src/K8sBot.Slack/
RUN dotnet restore src/K8sBot/K8sBot.csproj
COPY appsettings.json ./
COPY content/ content/
COPY src/ src/
RUN dotnet publish src/K8sBot/K8sBot.csproj --configuration Release --no-restore --output /app -p:UseAppHost=false \
    && mkdir -p /data

# ---- runtime: chiseled (no shell, no package manager) "extra" keeps ICU and tzdata ----
# Korean text needs ICU (collation, casing); daily cards and backups need IANA zones such as
# Asia/Seoul. The plain chiseled image is globalization-invariant and has no tzdata.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build /app ./
# The LiteDB file lives on a volume owned by the image's non-root "app" user (uid 1654).
COPY --from=build --chown=1654:1654 /data /data
ENV Storage__Path=/data/k8sbot.db \
    Content__Path=/app/content \
    urls=http://0.0.0.0:8080 \
    DOTNET_gcServer=0 \
    Logging__Console__FormatterName=json
VOLUME ["/data"]
EXPOSE 8080
USER 1654
ENTRYPOINT ["dotnet", "k8sbot.dll", "run"]
