; Suining Desk installer: per user, no administrator rights, Chinese.
; Built by scripts/build-windows (makensis -INPUTCHARSET UTF8 -DVERSION=… -DBUNDLE=… -DOUTFILE=… -DICON=…).
Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define APP_NAME "绥宁扶贫台账"
!define APP_KEY "SuiningDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_KEY}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "Apache-2.0"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "将在本机为当前用户安装 ${APP_NAME} ${VERSION}，不需要管理员权限。$\r$\n$\r$\n已安装旧版本时直接覆盖安装即可：数据（数据库、备份）保存在单独的数据文件夹中，不会丢失；新版本首次打开时会先自动备份数据库再升级。$\r$\n$\r$\n点击“下一步”继续。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\SuiningDesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An older version's runtime goes first, so no stale module outlives the upgrade.
  ; The data folder is elsewhere (or $INSTDIR\data with portable.txt): never touched.
  RMDir /r "$INSTDIR\runtime"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\SuiningDesk.exe" "" "$INSTDIR\SuiningDesk.ico" 0
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\卸载${APP_NAME}.lnk" "$INSTDIR\uninstall.exe" "" "$INSTDIR\uninstall.exe" 0
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\SuiningDesk.exe" "" "$INSTDIR\SuiningDesk.ico" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\SuiningDesk.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Suining Desk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\runtime"
  RMDir /r "$INSTDIR\manual"
  Delete "$INSTDIR\SuiningDesk.exe"
  Delete "$INSTDIR\suining-desk.exe"
  Delete "$INSTDIR\SuiningDesk.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when empty: a portable data\ folder in it stays
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

Function un.onUninstSuccess
  IfFileExists "$INSTDIR\data\*.*" 0 +3
    MessageBox MB_ICONINFORMATION|MB_OK "${APP_NAME}已卸载。$\r$\n$\r$\n您的数据没有删除，仍在：$\r$\n$INSTDIR\data$\r$\n（数据库、备份、日志）。重新安装后可以继续使用。" /SD IDOK
    Return
  MessageBox MB_ICONINFORMATION|MB_OK "${APP_NAME}已卸载。$\r$\n$\r$\n您的数据没有删除，仍在：$\r$\n$LOCALAPPDATA\${APP_KEY}$\r$\n（数据库、备份、日志）。重新安装后可以继续使用；不再需要时可自行删除这个文件夹。" /SD IDOK
FunctionEnd
