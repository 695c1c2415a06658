# Builds the Windows installer (.msi) on a Windows machine with a JDK 21+ and the WiX Toolset 3 on PATH:
#   mvn -DskipTests package; powershell -File installer\windows.ps1
# The PyTorch native library for Windows replaces the Linux one: DJL's pytorch-native-cpu, classifier win-x86_64.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$version = (Select-String -Path pom.xml -Pattern '<version>([0-9][0-9.]*)' | Select-Object -First 1).Matches[0].Groups[1].Value
Remove-Item -Recurse -Force target\installer -ErrorAction SilentlyContinue
New-Item -ItemType Directory target\installer\input | Out-Null
Copy-Item target\tunescope.jar target\installer\input\
Copy-Item -Recurse target\lib target\installer\input\lib
Copy-Item -Recurse sample-runs target\installer\input\sample-runs
mvn -q dependency:copy "-Dartifact=ai.djl.pytorch:pytorch-native-cpu:2.7.1:jar:win-x86_64" "-DoutputDirectory=target\installer\input\lib"
Remove-Item target\installer\input\lib\pytorch-native-cpu-2.7.1-linux-x86_64.jar
# JavaFX goes into the runtime as named modules (from the class path it warns "Unsupported JavaFX configuration"
# on every start): the jars with a platform classifier hold the modules, the others are empty placeholders.
$fxjars = (Get-ChildItem target\lib\javafx-*.jar | Where-Object { $_.Name -notmatch '-[0-9.]+\.jar$' } | ForEach-Object { $_.FullName }) -join ';'
Remove-Item target\installer\input\lib\javafx-*.jar
jlink --module-path $fxjars --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.jfr,javafx.controls,javafx.swing `
  --strip-debug --no-header-files --no-man-pages --output target\installer\runtime
jpackage --type msi --name Tunescope --app-version $version --vendor Tunescope `
  --description "Tuning playbook for training runs" --input target\installer\input --main-jar tunescope.jar `
  --main-class dev.tunescope.Main --runtime-image target\installer\runtime --icon assets\tunescope.ico `
  --java-options "-Dai.djl.offline=true --enable-native-access=ALL-UNNAMED -Dtunescope.samples=`$APPDIR\sample-runs" `
  --win-menu --win-shortcut --win-dir-chooser --dest target\installer
