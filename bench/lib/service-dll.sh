# Sourced by the bench scripts (from the repository root): sets $dll to the built service,
# $COMMENTS_API_DLL if given, else the Release build, else the Debug build.
dll=${COMMENTS_API_DLL:-}
for c in Release Debug; do
  [ -z "$dll" ] && [ -f "src/Comments.Api/bin/$c/net10.0/Comments.Api.dll" ] && dll="src/Comments.Api/bin/$c/net10.0/Comments.Api.dll"
done
[ -n "$dll" ] || { echo "build the service first (dotnet build -c Release src/Comments.Api)" >&2; exit 2; }
# The repository's models, wherever the dll is: a build copied out of the tree (e.g. an older commit's, for an
# A/B run) finds no models/ above it and would hold every comment ("model.unavailable", every POST a 202).
export Scoring__ModelDirectory=${Scoring__ModelDirectory:-$PWD/models}
