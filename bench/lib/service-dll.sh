# Sourced by the bench scripts (from the repository root): sets $dll to the built service,
# $COMMENTS_API_DLL if given, else the Release build, else the Debug build.
dll=${COMMENTS_API_DLL:-}
for c in Release Debug; do
  [ -z "$dll" ] && [ -f "src/Comments.Api/bin/$c/net10.0/Comments.Api.dll" ] && dll="src/Comments.Api/bin/$c/net10.0/Comments.Api.dll"
done
[ -n "$dll" ] || { echo "build the service first (dotnet build -c Release src/Comments.Api)" >&2; exit 2; }
