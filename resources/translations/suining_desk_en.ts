<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="+19"/>
        <source>关于绥宁扶贫台账</source>
        <translation>About Suining Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>绥宁扶贫台账</source>
        <translation>Suining Desk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>版本 {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>乡镇扶贫工作站的桌面台账软件：登记建档立卡贫困户及家庭成员，记录易地扶贫搬迁、危房改造和各项资金发放，打印供审计和公示使用的台账。数据保存在本机，断网也能用。</source>
        <translation>A desktop ledger for township poverty-alleviation offices: register poor households and their members, record relocations, housing renovations and aid payments, and print the ledgers that audits and public notices need. The data stays on this computer and works offline.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>打印台账内嵌的中文字体为文泉驿微米黑（WenQuanYi Micro Hei），按 Apache License 2.0 许可随本软件分发。</source>
        <translation>Printed ledgers embed the Chinese font WenQuanYi Micro Hei, distributed with this program under the Apache License 2.0.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>基于 PySide6 {qt}、peewee、reportlab 开发。</source>
        <translation>Built with PySide6 {qt}, peewee and reportlab.</translation>
    </message>
</context>
<context>
    <name>AllocationDialog</name>
    <message>
        <location filename="../../ui/dialogs/allocation_dialog.py" line="+46"/>
        <source>登记资金下达：{name}</source>
        <translation>Record an allocation: {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>中央</source>
        <translation>Central</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>省级</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>如 湘财社〔2018〕12号</source>
        <translation>e.g. the finance department&apos;s document number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件日期：</source>
        <translation>Document date:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>资金下达登记后不能修改；登记错了可以作废（须填原因），再重新登记。</source>
        <translation>An allocation cannot be edited once recorded; void a wrong one (with a reason) and record it again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>资金年度(&amp;Y)：</source>
        <translation>Funds &amp;year:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>资金级别(&amp;L)：</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下达金额(元)(&amp;M)：</source>
        <translation>A&amp;mount (yuan):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文号(&amp;D)：</source>
        <translation>&amp;Document no.:</translation>
    </message>
</context>
<context>
    <name>AreaDialog</name>
    <message>
        <location filename="../../ui/pages/areas.py" line="+55"/>
        <source>留空自动编为 {code}</source>
        <translation>Leave empty for {code}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>所属：</source>
        <translation>Under:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>代码(&amp;C)：</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AreaEdit</name>
    <message>
        <location filename="../../ui/widgets/inputs.py" line="+50"/>
        <source>平方米，如 75 或 75.5</source>
        <translation>Square metres, e.g. 75 or 75.5</translation>
    </message>
</context>
<context>
    <name>AreaTree</name>
    <message>
        <location filename="../../ui/area_tree.py" line="+49"/>
        <source>（已撤销）</source>
        <translation> (retired)</translation>
    </message>
</context>
<context>
    <name>AreasPage</name>
    <message>
        <location filename="../../ui/pages/areas.py" line="-30"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>在册户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行政村</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>村民小组</source>
        <translation>Village groups</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>新增行政村(&amp;V)…</source>
        <translation>New &amp;village…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新增村民小组(&amp;G)…</source>
        <translation>New &amp;group…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改名(&amp;R)…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销(&amp;T)…</source>
        <translation>Re&amp;tire…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>选中乡镇后可新增行政村，选中行政村后可新增村民小组；代码留空时接着上级代码顺延。区划不能删除：合并或撤销的村组请“撤销”，已有的户、发放和台账记录保留，只是不再能登记新户；还有在册户的村组要先把户调整到其他村组。</source>
        <translation>Choose a township to add a village, a village to add a group; an empty code continues the parent&apos;s. Areas are never deleted: retire a village or group that merged or was dissolved — its households, payments and ledgers stay, but no new household is registered there; households still on the register must be moved to another group first.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已撤销（{date}）</source>
        <translation>Retired ({date})</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>新增行政村</source>
        <translation>New village</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>新增村民小组</source>
        <translation>New group</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>（连同其下各村民小组）</source>
        <translation> (with its groups)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销区划</source>
        <translation>Retire area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销“{path}”{groups}？
撤销后不能再在此登记新户；已有的户、发放和台账记录都保留。</source>
        <translation>Retire “{path}”{groups}?
No new household can be registered there afterwards; its households, payments and ledgers stay.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>撤销</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不撤销</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>不能撤销</source>
        <translation>Cannot retire</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../ui/widgets/attachment_strip.py" line="+38"/>
        <source>照片和扫描件 (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp *.pdf);;所有文件 (*)</source>
        <translation>Photos and scans (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>添加照片/扫描件…</source>
        <translation>Add photo/scan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <source>删除附件</source>
        <translation>Delete attachment</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>{name}&#x3000;{kb} KB&#x3000;{by} {at}
SHA-256 {sha}</source>
        <translation>{name}&#x3000;{kb} KB&#x3000;{by} {at}
SHA-256 {sha}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>选择照片或扫描件</source>
        <translation>Choose photos or scans</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>删除附件“{name}”？</source>
        <translation>Delete the attachment “{name}”?</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/pages/audit.py" line="+46"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+67"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>记录编号</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>该记录的全部历史</source>
        <translation>Full history of the record</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+129"/>
        <location line="+2"/>
        <source>核验审计日志</source>
        <translation>Verify audit log</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>选中上面的一条日志，这里显示它的全部内容：谁、什么时候、做了什么，改了哪些内容（改前 → 改后），以及这次写入的各条记录和日志的校验值。
“该记录的全部历史”列出所选记录从建立起的每一次改动。</source>
        <translation>Choose an entry above to see all of it here: who, when, what was done, what changed (before → after), the records it wrote and the log&apos;s hash.
“Full history of the record” lists every change of the chosen record since it was made.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>记录类别</source>
        <translation>Record type</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>共 {n} 条</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>内容：</source>
        <translation>Content:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>写入的记录：</source>
        <translation>Records written:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>批量写入：{n} 条记录（逐条校验值）</source>
        <translation>Bulk write: {n} records (checksum for each)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>校验值：{hash}（上一条：{prev}）</source>
        <translation>Hash: {hash} (previous: {prev})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>请先选中一条日志，或选择记录类别并填写记录编号。</source>
        <translation>Select a log entry first, or choose a record type and enter a record ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{table} {id} 的历史（{n} 条）：</source>
        <translation>History of {table} {id} ({n} entries):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>正在核验……</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>已取消核验。</source>
        <translation>Verification cancelled.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>，与{k}个备份时记下的锚点一致</source>
        <translation>, consistent with the anchors recorded at {k} backups</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>审计日志共{n}条，日志链完整{anchors}；核对了{rows}条记录，都与日志一致。</source>
        <translation>The audit log has {n} entries and its chain is intact{anchors}; {rows} records checked, all match the log.</translation>
    </message>
</context>
<context>
    <name>BackupRunner</name>
    <message>
        <location filename="../../ui/window/backups.py" line="+30"/>
        <source>复制数据库</source>
        <translation>copying the database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检查备份</source>
        <translation>checking the backup</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>正在自动备份</source>
        <translation>Backing up automatically</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{what}：{stage} {percent}%</source>
        <translation>{what}: {stage} {percent}%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已自动备份：{name}</source>
        <translation>Backed up automatically: {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>自动备份失败：{reason}</source>
        <translation>Automatic backup failed: {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在备份数据，完成后程序关闭…</source>
        <translation>Backing up the data; the program closes when it is done…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>正在备份</source>
        <translation>Backing up</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../ui/pages/backups.py" line="+35"/>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复前副本</source>
        <translation>Copy before restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新生成演示数据前的副本</source>
        <translation>Copy kept before the demo was rebuilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复保护规则前的副本</source>
        <translation>Copy kept before the protections were restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>损坏文件副本</source>
        <translation>Copy of damaged file</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>备份时间</source>
        <translation>Backup time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备份到其他位置…</source>
        <translation>Back up to another location…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>从所选备份恢复…</source>
        <translation>Restore from selected backup…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>备份在后台进行，进度显示在窗口底部的状态栏，不影响录入。程序关闭时自动备份，打开期间每天至少备份一次（数据没有变化时不重复备份）。每份备份都经过检查：每天的备份和手动备份做完整检查（每张表及其索引），关闭时的备份做快速检查（几秒钟）。自动备份保留最近7天每天一份、最近4周每周一份、最近12个月每月一份。备份文件夹：{folder}</source>
        <translation>Backups run in the background, with their progress in the status bar at the bottom of the window; you can keep working. A backup is made automatically when the program closes, and at least once a day while it is open (not again if nothing changed). Every backup is checked: the daily and manual ones fully (every table and its indexes), the one on close quickly (a few seconds). Automatic backups kept: one a day for the last 7 days, one a week for the last 4 weeks, one a month for the last 12 months. Backup folder: {folder}</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>已备份到 {path}（完整性检查通过）</source>
        <translation>Backed up to {path} (integrity check passed)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>正在备份，可以继续工作；进度见窗口底部的状态栏。</source>
        <translation>Backing up; you can keep working. The progress is in the status bar at the bottom of the window.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>正在备份</source>
        <translation>Backing up</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库文件 (*.sqlite3)</source>
        <translation>Database files (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>请先在列表中选中要恢复的备份。</source>
        <translation>Select the backup to restore in the list first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用 {time} 的备份替换现在的数据库？
此后录入的数据将不在恢复后的数据库中；现在的数据库会先另存一份副本。恢复后需要重新登录。</source>
        <translation>Replace the current database with the backup from {time}?
Data entered since then will not be in the restored database; a copy of the current database is saved first. You will need to sign in again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>已恢复。恢复前的数据库另存为 {name}</source>
        <translation>Restored. The database before the restore was saved as {name}</translation>
    </message>
</context>
<context>
    <name>BankFiles</name>
    <message>
        <location filename="../../ui/pages/batches/bank.py" line="+43"/>
        <location line="+5"/>
        <source>导出银行代发文件</source>
        <translation>Export bank payment file</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>已导出 {n} 笔到 {path}</source>
        <translation>Exported {n} payments to {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>银行回盘已确认成功的 {n} 笔未再导出（否则会重复发放）</source>
        <translation>{n} line(s) the bank already confirmed paid were left out (they would be paid twice)</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+11"/>
        <location line="+11"/>
        <source>导入银行回盘</source>
        <translation>Import bank return file</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>导入(&amp;S)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回盘文件：{name}
请填写银行处理的日期（回盘文件上的日期，不早于发放日期）</source>
        <translation>Return file: {name}
Enter the date the bank processed it (the date on the return file, not before the paid date)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>对应发放记录</source>
        <translation>Matching payment records</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>成功 {paid} 笔，失败 {failed} 笔，此前已登记 {already} 笔，未能对应 {bad} 行，回盘中没有的 {missing} 笔。</source>
        <translation>{paid} paid, {failed} failed, {already} already recorded, {bad} rows not matched, {missing} payments missing from the return file.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
每一行的情况见“显示详细信息”。</source>
        <translation>
See “Show Details” for each line.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
失败的发放可在明细中选中后“重新发放”。</source>
        <translation>
To redo a failed payment, select it in the lines and choose “Reissue”.</translation>
    </message>
</context>
<context>
    <name>BankProfileForm</name>
    <message>
        <location filename="../../ui/widgets/bank_profile_form.py" line="+45"/>
        <source>竖线 |</source>
        <translation>Pipe |</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>逗号 ,</source>
        <translation>Comma ,</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>制表符</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>分号 ;</source>
        <translation>Semicolon ;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows（CRLF）</source>
        <translation>Windows (CRLF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linux（LF）</source>
        <translation>Linux (LF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>靠左</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>靠右</source>
        <translation>Right</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>列名</source>
        <translation>Column name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>宽度(字节)</source>
        <translation>Width (bytes)</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>对齐</source>
        <translation>Align</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>填充</source>
        <translation>Fill</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>固定文字</source>
        <translation>Fixed text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>表头上的列名（多个用、隔开）</source>
        <translation>Header names (separate with 、)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>添加列</source>
        <translation>Add column</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除列</source>
        <translation>Remove column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>每行一行，如：代发单位：{area}&#x3000;批次：{batch_no}</source>
        <translation>One per line, e.g. Paid by: {area}&#x3000;Batch: {batch_no}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据上方写一行列名</source>
        <translation>Write a line of column names above the data</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>如：合计|{count}|{total}（{count}笔数，{total}金额）</source>
        <translation>e.g. TOTAL|{count}|{total} ({count}: lines, {total}: amount)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>数据上方有一行列名</source>
        <translation>A line of column names above the data</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>多个用、隔开；成功和失败都不填时按软件内置的判断</source>
        <translation>Separate with 、; leave paid and failed empty to use the built-in reading</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>名称(&amp;T)：</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>说明：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件类型(&amp;K)：</source>
        <translation>File &amp;kind:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>编码：</source>
        <translation>Encoding:</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>分隔符：</source>
        <translation>Separator:</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>换行：</source>
        <translation>Line ends:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>表头上方的行：</source>
        <translation>Lines above the header:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>合计行：</source>
        <translation>Totals line:</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+12"/>
        <source>合计行内容：</source>
        <translation>Totals line text:</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+12"/>
        <source>金额：</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+12"/>
        <source>日期格式：</source>
        <translation>Date format:</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>各列（按顺序）：</source>
        <translation>Columns (in order):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文件类型：</source>
        <translation>File kind:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>开头跳过的行数：</source>
        <translation>Lines to skip at the top:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>表示成功的状态：</source>
        <translation>Status meaning paid:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>表示失败的状态：</source>
        <translation>Status meaning failed:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理中（不登记）：</source>
        <translation>Pending (not recorded):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>各列：</source>
        <translation>Columns:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代发文件(&amp;E)</source>
        <translation>Payment &amp;list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回盘文件(&amp;R)</source>
        <translation>&amp;Return file</translation>
    </message>
</context>
<context>
    <name>BankProfilesDialog</name>
    <message>
        <location filename="../../ui/dialogs/bank_profiles_dialog.py" line="+42"/>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>成功</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>银行文件格式</source>
        <translation>Bank file formats</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>设为默认格式(&amp;D)</source>
        <translation>Make &amp;default</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复制为新格式(&amp;C)…</source>
        <translation>&amp;Copy as a new format…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>用回盘样本文件测试(&amp;T)…</source>
        <translation>&amp;Test with a sample return file…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>按此格式写出的代发文件（用虚构的两笔示例）：</source>
        <translation>The payment list this format writes (two invented lines):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>测试与预览</source>
        <translation>Test and preview</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>银行文件格式（✔ 为默认）：</source>
        <translation>Bank file formats (✔ is the default):</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>（自带）</source>
        <translation> (shipped)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>“{title}”是软件自带的格式，不能修改：需要改动时请“复制为新格式”，再修改复制的格式。</source>
        <translation>“{title}” ships with the program and cannot be changed: copy it as a new format and change the copy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{title}”是本单位的格式（保存在数据文件夹的 bank_profiles 中，名称 {name}）。</source>
        <translation>“{title}” is this office&apos;s own format (in the data folder&apos;s bank_profiles, named {name}).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>复制为新格式</source>
        <translation>Copy as a new format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新格式的名称（如：县农商行一卡通）：</source>
        <translation>Name of the new format (e.g. County rural bank card):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title}（副本）</source>
        <translation>{title} (copy)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>删除银行文件格式</source>
        <translation>Delete bank file format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除格式“{title}”？已按它导出的文件不受影响。</source>
        <translation>Delete the format “{title}”? Files already exported with it are not affected.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>选择银行回盘样本文件</source>
        <translation>Choose a sample bank return file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回盘文件 (*.xlsx *.xls *.csv *.txt *.dat);;所有文件 (*)</source>
        <translation>Return files (*.xlsx *.xls *.csv *.txt *.dat);;All files (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>不符合此格式：</source>
        <translation>Does not fit this format: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{name}”符合此格式：读出 {count} 笔（成功 {paid}，失败 {failed}），另有 {other} 行未定结果。</source>
        <translation>“{name}” fits this format: {count} lines read ({paid} paid, {failed} failed), {other} more lines without a clear result.</translation>
    </message>
</context>
<context>
    <name>BatchActions</name>
    <message>
        <location filename="../../ui/pages/batches/actions.py" line="+65"/>
        <source>批次 {no}（{program} {period}，{area}）：共 {lines} 笔，合计 {total} 元（{capitals}）</source>
        <translation>Batch {no} ({program} {period}, {area}): {lines} payments, total {total} yuan ({capitals})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>提交审核</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提交后由审核员审核，草稿不能再修改（退回后可以）。</source>
        <translation>Once submitted a reviewer checks it; the draft can no longer be changed (unless it is returned).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提交(&amp;S)</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>
&#x3000;…… 另有 {n} 笔</source>
        <translation>
&#x3000;… and {n} more</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>以下 {n} 笔超过本项目审核上限 {cap} 元，确认无误须填写理由：</source>
        <translation>These {n} payments are above the program&apos;s review cap of {cap} yuan; to confirm them, give a reason:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>审核</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审核通过(&amp;S)</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>退回修改</source>
        <translation>Return for changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退回(&amp;S)</source>
        <translation>&amp;Return</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>发放过账</source>
        <translation>Post payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放过账(&amp;S)</source>
        <translation>&amp;Post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>过账后这些发放记录不能再修改，更正只能冲销。请填写实际发放日期。</source>
        <translation>Once posted, these payments cannot be edited; corrections are made only by reversal. Enter the actual payment date.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>删除这个草稿批次及其全部明细？</source>
        <translation>Delete this draft batch and all its lines?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>调整金额</source>
        <translation>Adjust amount</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}：标准 {std} 元 × {people} 人</source>
        <translation>{name}: rate {std} yuan × {people} people</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>删除明细</source>
        <translation>Delete line</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>冲销</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>冲销(&amp;S)</source>
        <translation>&amp;Reverse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冲销 {name} {amount} 元：新增一笔负数记录，原记录保留</source>
        <translation>Reverse {name} {amount} yuan: adds a negative entry; the original record is kept</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>这笔已冲销；</source>
        <translation>This payment is reversed; </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>银行退回的发放在所填日期冲销；</source>
        <translation>The payment the bank returned is reversed on the date given; </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>这笔在所填日期先冲销（原因同下）；</source>
        <translation>This payment is first reversed on the date given (for the reason below); </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新发放</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>按下面的账号重新发放的一笔进入“重新发放”批次草稿，与其他批次一样提交、由另一人审核后过账</source>
        <translation>the payment made again to the account below goes into a draft re-issue batch, submitted, approved by someone else and posted like any batch</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>银行退回，更正账号后重新发放</source>
        <translation>Returned by the bank; reissued after correcting the account</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>加入重新发放批次(&amp;S)</source>
        <translation>Add to re-i&amp;ssue batch</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+6"/>
        <source>计算未列入对象</source>
        <translation>Working out left-out beneficiaries</translation>
    </message>
</context>
<context>
    <name>BatchDetailView</name>
    <message>
        <location filename="../../ui/widgets/batch_detail.py" line="+35"/>
        <source>提交审核</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退回修改</source>
        <translation>Return for changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审核通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放过账…</source>
        <translation>Post payment…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出银行文件…</source>
        <translation>Export bank file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入银行回盘…</source>
        <translation>Import bank return file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记一笔…</source>
        <translation>Add a line…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调整金额…</source>
        <translation>Adjust amount…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除明细…</source>
        <translation>Delete line…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冲销…</source>
        <translation>Reverse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新发放…</source>
        <translation>Reissue…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>查看未列入对象</source>
        <translation>Show left-out beneficiaries</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>发放明细</source>
        <translation>Payment lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未列入对象</source>
        <translation>Left out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>流程记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>在上方列表中选择一个批次。</source>
        <translation>Select a batch in the list above.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{no}&lt;/b&gt;&#x3000;{program}&#x3000;{period}&#x3000;{area}&#x3000;&lt;b&gt;{status}&lt;/b&gt;&lt;br&gt;{lines} 笔，合计 &lt;b&gt;{total}&lt;/b&gt; 元&#x3000;录入：{created}&#x3000;审核：{approved}&#x3000;发放：{posted}&#x3000;发放日期：{paid}</source>
        <translation>&lt;b&gt;{no}&lt;/b&gt; · {program} · {period} · {area} · &lt;b&gt;{status}&lt;/b&gt;&lt;br&gt;{lines} payments, total &lt;b&gt;{total}&lt;/b&gt; yuan · Entered: {created} · Approved: {approved} · Posted: {posted} · Payment date: {paid}</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>录入人不能审核自己录入的批次</source>
        <translation>The clerk who entered a batch cannot approve it</translation>
    </message>
</context>
<context>
    <name>BatchesPage</name>
    <message>
        <location filename="../../ui/pages/batches/page.py" line="+49"/>
        <source>{y}年</source>
        <translation>{y}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>批次号&#x3000;Ctrl+F</source>
        <translation>Batch no.&#x3000;Ctrl+F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>生成批次(&amp;N)…</source>
        <translation>&amp;New batch…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>月度关账…</source>
        <translation>Close month…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>项目：</source>
        <translation>Program:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>共 {n} 个批次</source>
        <translation>{n} batches</translation>
    </message>
</context>
<context>
    <name>CapDialog</name>
    <message>
        <location filename="../../ui/dialogs/cap_dialog.py" line="+26"/>
        <source>审核上限：{name}</source>
        <translation>Review cap: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{date} 起 {amount} 元（{by}）</source>
        <translation>from {date}: {amount} yuan ({by})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚未设置：不论多少都不需审核人另行确认</source>
        <translation>Not set: no amount needs the reviewer&apos;s separate confirmation</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>一次性发放的金额、或调整后的发放金额超过审核上限的，审核人审核时须确认并填写理由（记入批次和审计日志）；审计检查“超过审核上限”列出这样发放的款项。一次性救助的补助标准仍是不能超过的单笔上限。</source>
        <translation>A one-off payment, or an adjusted one, above the review cap needs the reviewer&apos;s confirmation with a reason when the batch is approved (kept with the batch and in the audit log); the audit check “Above the review cap” lists such payments. For one-off aid the standard is still the most a payment may be.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>历次设置：</source>
        <translation>History:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审核上限(元)(&amp;M)：</source>
        <translation>Review cap (yuan)(&amp;M):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>执行起始日期(&amp;D)：</source>
        <translation>Effective &amp;from:</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="+167"/>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改密码 — {user}</source>
        <translation>Change password — {user}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>管理员设置了初始密码或重置了密码，请先修改为只有您自己知道的密码。</source>
        <translation>An administrator set or reset your password. Please change it to one only you know.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>至少{n}位，含字母、数字、符号中的两类</source>
        <translation>At least {n} characters, from two of: letters, digits, symbols</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入新密码</source>
        <translation>Repeat new password</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../ui/wizards/import_pages.py" line="+275"/>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逐行检查表格，不写入数据库。</source>
        <translation>Checks the spreadsheet row by row without writing to the database.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>保存报告(&amp;S)…</source>
        <translation>&amp;Save report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新检查(&amp;R)</source>
        <translation>&amp;Re-check</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>请按报告修正表格后点“重新检查”，或返回上一步选择“只导入无误的户”。</source>
        <translation>Correct the spreadsheet as the report says and click “Re-check”, or go back and choose “Import only households without errors”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>保存导入报告</source>
        <translation>Save import report</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>表格 (*.xlsx)</source>
        <translation>Spreadsheets (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>报告已保存：{path}</source>
        <translation>Report saved: {path}</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <location filename="../../ui/pages/checks.py" line="+57"/>
        <source>运行审计检查(&amp;R)</source>
        <translation>&amp;Run audit checks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检查全县的发放、人员和项目记录：死亡或移出后发放、同一期重复发放、超标准发放、超过审核上限、领款人身份证号无效、搬迁户又享受危房改造、录入人自己审核、审核人的密码由录入人设置。乡镇用户只看到本乡镇的问题。</source>
        <translation>Checks the county&apos;s payment, person and program records: payments after death or removal, duplicate payments in one period, payments above the rate, payments above the review cap, invalid payee ID numbers, relocated households also given renovation, clerks approving their own entries, and approvers whose password the batch&apos;s clerk set. A township user sees the findings of their township only.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>还没有运行。点“运行审计检查”后，这里按检查项列出发现的问题，每条都链接到有关的发放记录、户或批次，点击即可查看。</source>
        <translation>Not run yet. After “Run audit checks”, the findings are listed here check by check, each linked to its payment, household or batch: click to open it.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>正在检查：{t}</source>
        <translation>Checking: {t}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>审计检查</source>
        <translation>Audit checks</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>共发现 {n} 条问题（用时 {s:.1f} 秒）。点击记录查看详情。</source>
        <translation>Found {n} problems (in {s:.1f} s). Click a record for details.</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <location filename="../../ui/wizards/import_pages.py" line="-260"/>
        <location line="+34"/>
        <source>选择要导入的表格</source>
        <translation>Choose the spreadsheet to import</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>可以直接导入国办系统导出的花名册或乡镇自己的表格：表头不必在第一行，列的顺序不限。</source>
        <translation>You can import a roster exported from the national system or the township&apos;s own spreadsheet directly: the header need not be on the first row and the columns may be in any order.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存空白模板(&amp;T)…</source>
        <translation>Save blank &amp;template…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>区划中没有的乡镇、村、组自动创建</source>
        <translation>Create townships, villages and groups that are not yet listed</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>表格 (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>选择或粘贴 .xlsx / .xls / .csv / .txt 文件的路径</source>
        <translation>Choose or paste the path of an .xlsx / .xls / .csv / .txt file</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已在册的人员和户按表更新，表中空白的不改（默认跳过）</source>
        <translation>Update people and households already registered from the sheet; blank cells change nothing (default: skip)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只导入无误的户，有错误的户写入报告（默认有错误就全部不导入）</source>
        <translation>Import only households without errors and report the others (by default any error stops the whole import)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>数据种类：</source>
        <translation>Data type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>保存空白模板</source>
        <translation>Save blank template</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>表格 (*.xlsx)</source>
        <translation>Spreadsheets (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>模板已保存：{path}。填写后在上面选择该文件导入。</source>
        <translation>Template saved: {path}. Fill it in, then choose that file above to import it.</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <location filename="../../ui/window/lock.py" line="+41"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>CreateAdminDialog</name>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="-43"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新数据库 — 创建管理员</source>
        <translation>New database — create administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>这是一个新的数据库，请先创建管理员账户。管理员可以添加录入员和审核员。</source>
        <translation>This is a new database. Create the administrator account first; the administrator can add clerks and reviewers.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>至少{n}位，含字母、数字、符号中的两类</source>
        <translation>At least {n} characters, from two of: letters, digits, symbols</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
</context>
<context>
    <name>DetailFields</name>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="+36"/>
        <source>如 {example}</source>
        <translation>e.g. {example}</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <location filename="../../ui/widgets/buttons.py" line="+15"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../ui/dialogs/enrol_dialog.py" line="+41"/>
        <source>变更享受类别或人数</source>
        <translation>Change category or number of people</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>纳入享受名单</source>
        <translation>Add to beneficiary list</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>项目(&amp;G)：</source>
        <translation>Pro&amp;gram:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户(&amp;H)：</source>
        <translation>&amp;Household:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>享受人员：</source>
        <translation>Beneficiary:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类别(&amp;C)：</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>享受人数(&amp;P)：</source>
        <translation>&amp;People covered:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>变更起始日期：</source>
        <translation>Change from:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>开始日期(&amp;D)：</source>
        <translation>Start &amp;date:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>变更原因(&amp;R)：</source>
        <translation>&amp;Reason for change:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>按户享受的（如低保）不选人员，填享受人数；按人享受的（如残疾人补贴）选人员。</source>
        <translation>For per-household benefits (e.g. dibao) leave the beneficiary empty and enter the number of people; for per-person benefits (e.g. disability allowance) choose the person.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>（全户）</source>
        <translation>(whole household)</translation>
    </message>
</context>
<context>
    <name>EnrolmentDetailsDialog</name>
    <message>
        <location line="+56"/>
        <source>项目情况：{name}</source>
        <translation>Program facts: {name}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>此后生成的发放批次按这里的情况打印；已生成的发放保留当时的情况。</source>
        <translation>Batches computed from now on print these facts; payments already computed keep theirs.</translation>
    </message>
</context>
<context>
    <name>EnrolmentsPage</name>
    <message>
        <location filename="../../ui/pages/enrolments.py" line="+45"/>
        <source>只看现在享受的</source>
        <translation>Current only</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>搜索：姓名、拼音首字母、身份证号后几位、户编号&#x3000;Ctrl+F</source>
        <translation>Search: name, pinyin initials, last digits of ID no., household no.&#x3000;Ctrl+F</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>纳入(&amp;N)…</source>
        <translation>&amp;Enrol…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>变更类别或人数…</source>
        <translation>Change category or people…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出…</source>
        <translation>End…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>更正终止日期…</source>
        <translation>Correct end date…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>终止日期录错了：填正确的日期和原因，原日期和更正都记入审计日志</source>
        <translation>The end date was mistyped: give the right date and a reason; the old date and the correction go into the audit log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>项目情况…</source>
        <translation>Program facts…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>雨露计划的学校和年级、护林员的管护区域和考核结果等，打印在发放台账上</source>
        <translation>A student&apos;s school and grade, a forest ranger&apos;s patrol area and appraisal …: printed on the payment ledger</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>项目：</source>
        <translation>Program:</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>共 {n} 条</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>退出享受名单</source>
        <translation>Remove from beneficiary list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}户退出{program}：日期是最后享受的一天</source>
        <translation>{name} household leaves {program}: the date is the last day covered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出(&amp;S)</source>
        <translation>&amp;End</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+8"/>
        <source>更正终止日期</source>
        <translation>Correct end date</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>{name}户{program}的终止日期现为{date}：填正确的最后享受的一天和更正原因</source>
        <translation>{program} of {name}&apos;s household now ends on {date}: give the right last day and the reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>更正(&amp;S)</source>
        <translation>&amp;Correct</translation>
    </message>
</context>
<context>
    <name>ExchangeMenu</name>
    <message>
        <location filename="../../ui/wizards/exchange_menu.py" line="+20"/>
        <source>导入表格(&amp;I)…</source>
        <translation>&amp;Import Spreadsheet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出当前列表(&amp;E)…</source>
        <translation>&amp;Export Current List…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>当前页面没有可导出的列表。请在“建档立卡户”“易地搬迁”“享受名单”等列表页面导出。</source>
        <translation>This page has no list to export. Export from a list page such as “Registered households”, “Relocations” or “Beneficiaries”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <location filename="../../ui/wizards/export_action.py" line="+29"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>导出{title}</source>
        <translation>Export {title}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已导出 {households} 户、{rows} 人：{path}</source>
        <translation>Exported {households} households, {rows} people: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已导出 {rows} 行：{path}</source>
        <translation>Exported {rows} rows: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>建档立卡户花名册</source>
        <translation>Registered household roster</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>易地扶贫搬迁台账</source>
        <translation>Poverty relocation ledger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>危房改造台账</source>
        <translation>Dilapidated-house renovation ledger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>享受名单</source>
        <translation>Beneficiary list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>资金发放明细</source>
        <translation>Payment details</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>核查结果</source>
        <translation>Check results</translation>
    </message>
</context>
<context>
    <name>HouseholdDetailView</name>
    <message>
        <location filename="../../ui/widgets/household_detail.py" line="+28"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份证号</source>
        <translation>ID no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>入户日期</source>
        <translation>Joined</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>在校生状况</source>
        <translation>Schooling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>劳动技能</source>
        <translation>Labour skills</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>务工状况</source>
        <translation>Work</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <location line="+6"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>变动</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>搬迁人口</source>
        <translation>People moved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置方式</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>安置点</source>
        <translation>Resettlement site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置房面积(㎡)</source>
        <translation>House area (m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>补助金额(元)</source>
        <translation>Subsidy (yuan)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>入住日期</source>
        <translation>Moved in</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>提示</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>危房等级</source>
        <translation>Dilapidation grade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改造方式</source>
        <translation>Renovation method</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>补助标准(元)</source>
        <translation>Subsidy rate (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>竣工日期</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>验收日期</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已故 {date}</source>
        <translation>Deceased {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>减员 {date}（{reason}）</source>
        <translation>Removed {date} ({reason})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>在户</source>
        <translation>In household</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>成员变动记录</source>
        <translation>Member changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户状态变更记录</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+80"/>
        <source>易地搬迁</source>
        <translation>Relocation</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+81"/>
        <source>危房改造</source>
        <translation>Renovation</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+82"/>
        <source>资金发放</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>编辑户信息(&amp;E)</source>
        <translation>&amp;Edit household</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>变更状态…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新增成员…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改成员…</source>
        <translation>Edit member…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>减员（死亡/迁出）…</source>
        <translation>Remove member (death/move)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一户一档(&amp;P)…</source>
        <translation>&amp;Print household file…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>在上方列表中选择一户查看详情。</source>
        <translation>Select a household in the list above to see its details.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>（{year}年脱贫）</source>
        <translation> (out of poverty {year})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已清退（{date}）</source>
        <translation>Removed from the register ({date})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;户编号 {household_no}&lt;/b&gt;&#x3000;{township} {village} {group}&#x3000;状态：{status}&lt;br&gt;致贫原因：{causes}&#x3000;享受：{aid}&#x3000;电话：{phone}&#x3000;一卡通：{bank} {account}&#x3000;住址：{address}</source>
        <translation>&lt;b&gt;Household no. {household_no}&lt;/b&gt; · {township} {village} {group} · Status: {status}&lt;br&gt;Causes of poverty: {causes} · Benefits: {aid} · Phone: {phone} · Benefit card: {bank} {account} · Address: {address}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>易地搬迁（{count}）</source>
        <translation>Relocation ({count})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>危房改造（{count}）</source>
        <translation>Renovation ({count})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>资金发放（{count}）</source>
        <translation>Payments ({count})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{grade}级</source>
        <translation>Grade {grade}</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../ui/dialogs/household_dialog.py" line="+41"/>
        <source>编辑户信息</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新增建档立卡户</source>
        <translation>New registered household</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>户信息</source>
        <translation>Household</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>添加成员(&amp;A)</source>
        <translation>&amp;Add member</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <location filename="../../ui/widgets/household_form.py" line="+44"/>
        <source>此区域还没有村民小组：请管理员在“区划管理”中新增</source>
        <translation>No village group in this area yet: an administrator adds them under Areas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>低保户</source>
        <translation>Dibao household</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>特困供养</source>
        <translation>Tekun support</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>户编号(&amp;H)：</source>
        <translation>&amp;Household no.:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>村民小组(&amp;G)：</source>
        <translation>Village &amp;group:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>住址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>户状态：</source>
        <translation>Household status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>脱贫年度：</source>
        <translation>Year out of poverty:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>主要致贫原因：</source>
        <translation>Main cause of poverty:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他致贫原因：</source>
        <translation>Other causes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>享受政策：</source>
        <translation>Benefits:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开户银行：</source>
        <translation>Bank:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一卡通账号：</source>
        <translation>Benefit card account:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>登记日期：</source>
        <translation>Registered on:</translation>
    </message>
</context>
<context>
    <name>HouseholdPaymentsView</name>
    <message>
        <location filename="../../ui/widgets/household_payments.py" line="+15"/>
        <location line="+6"/>
        <source>项目</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>享受人员</source>
        <translation>Beneficiary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>终止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>终止原因</source>
        <translation>End reason</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>发放日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>享受人</source>
        <translation>Beneficiary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>记录号</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>（全户）</source>
        <translation>(whole household)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>共 {count} 笔，合计 {total} 元</source>
        <translation>{count} payments, total {total} yuan</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../ui/widgets/household_picker.py" line="+19"/>
        <source>输入户主或成员姓名、拼音首字母、身份证号后几位、户编号查找</source>
        <translation>Find by head&apos;s or member&apos;s name, pinyin initials, last digits of ID no., or household no.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>（成员{name}）</source>
        <translation> (member {name})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{head}户{who}&#x3000;户编号 {no}</source>
        <translation>{head} household{who}&#x3000;No. {no}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>没有找到，请换个关键词</source>
        <translation>Nothing found; try other words</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../ui/models/household_table.py" line="+21"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行政村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>村民小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户主身份证号</source>
        <translation>Head&apos;s ID no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>致贫原因</source>
        <translation>Causes of poverty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>低保/特困</source>
        <translation>Dibao/Tekun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>低保</source>
        <translation>Dibao</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>特困</source>
        <translation>Tekun</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../ui/pages/households.py" line="+35"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>户状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>致贫原因：</source>
        <translation>Cause:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>享受项目：</source>
        <translation>Program:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>脱贫年度：</source>
        <translation>Out of poverty:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新增户(&amp;N)</source>
        <translation>&amp;New household</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出(&amp;E)…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把当前筛选出的户导出为 Excel（可再导入）</source>
        <translation>Export the households now listed to Excel (can be imported again)</translation>
    </message>
</context>
<context>
    <name>HousingTables</name>
    <message>
        <location filename="../../ui/models/housing_tables.py" line="+38"/>
        <source>户编号 {no}</source>
        <translation>Household no. {no}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+40"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+40"/>
        <source>户主姓名</source>
        <translation>Head</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+40"/>
        <source>身份证号</source>
        <translation>ID no.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>搬迁人口</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置方式</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置点</source>
        <translation>Resettlement site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置房面积(㎡)</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+42"/>
        <source>补助金额(元)</source>
        <translation>Subsidy (yuan)</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>自筹(元)</source>
        <translation>Own funds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>入住日期</source>
        <translation>Moved in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>旧房拆除</source>
        <translation>Demolished</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+42"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+42"/>
        <source>提示</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>家庭人口</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>危房等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改造方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建设方式</source>
        <translation>Construction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>补助标准(元)</source>
        <translation>Rate (yuan)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>开工日期</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>竣工日期</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>验收日期</source>
        <translation>Accepted</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../ui/widgets/image_viewer.py" line="+46"/>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/wizards/import_pages.py" line="+228"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>开始导入(&amp;I)</source>
        <translation>Start &amp;import</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>将导入“{file}”：{summary}</source>
        <translation>Will import “{file}”: {summary}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/wizards/import_wizard.py" line="+22"/>
        <source>导入表格</source>
        <translation>Import spreadsheet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/wizards/problems_model.py" line="+19"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>LedgerForm</name>
    <message>
        <location filename="../../ui/pages/ledgers/form.py" line="+88"/>
        <source>如 2018</source>
        <translation>e.g. 2018</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{m}月</source>
        <translation>Month {m}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>不填为本乡镇（{township}）</source>
        <translation>Blank for your township ({township})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不填为全县</source>
        <translation>Blank for the whole county</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>不填为全乡镇</source>
        <translation>Blank for the whole township</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>项目：</source>
        <translation>Program:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>月份：</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>乡镇：</source>
        <translation>Township:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行政村：</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户编号：</source>
        <translation>Household no.:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>该项目不按月发放，只有全年台账</source>
        <translation>This program is not paid by month: its ledger is for the whole year</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>公示版</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份证号只显示前6位和后4位，不含银行账号，含公示期</source>
        <translation>ID numbers show only the first 6 and last 4 digits, no bank accounts, with a notice period</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>按规定</source>
        <translation>By the rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按规定：民政救助7天，扶贫资金和项目10天（台账设置中可改为更长或按工作日）</source>
        <translation>By the rules: civil-affairs aid 7 days, poverty funds and projects 10 (ledger settings may make them longer or count working days)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按设置计算</source>
        <translation>As set</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自然日</source>
        <translation>Calendar days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工作日</source>
        <translation>Working days</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>纵向</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>不填为乡镇（或县）人民政府</source>
        <translation>Blank: township (county) government</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>台账：</source>
        <translation>Ledger:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打印选项</source>
        <translation>Print options</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>公示期：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>纸张：</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>填报日期：</source>
        <translation>Report date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>经办人：</source>
        <translation>Prepared by:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>分管领导：</source>
        <translation>Deputy in charge:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主要领导：</source>
        <translation>Head:</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>审核人：</source>
        <translation>Reviewed by:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>填报单位：</source>
        <translation>Unit:</translation>
    </message>
</context>
<context>
    <name>LedgerSettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/ledger_settings_dialog.py" line="+42"/>
        <source>台账设置</source>
        <translation>Ledger settings</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>公示期（不能短于规定：民政救助7天，扶贫资金和项目10天）</source>
        <translation>Notice periods (never shorter than the rules: civil-affairs aid 7 days, poverty funds and projects 10)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>民政救助（低保、特困、医疗救助、临时救助、残疾人两项补贴）：</source>
        <translation>Civil-affairs aid (minimum living allowance, extreme-poverty support, medical aid, temporary aid, disability subsidies):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>扶贫资金和项目（其他项目、易地扶贫搬迁、危房改造）：</source>
        <translation>Poverty-alleviation funds and projects (other programs, relocation, housing renovation):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自然日</source>
        <translation>Calendar days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工作日（跳过节假日，计入调休上班日）</source>
        <translation>Working days (skipping public holidays, counting make-up working days)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>公示的监督和受理（印在每张公示上）</source>
        <translation>Supervision and objections (printed on every notice)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>如 0739-7621234</source>
        <translation>e.g. 0739-7621234</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>如 12317</source>
        <translation>e.g. 12317</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不填为台账的填报单位（如 长铺镇人民政府）</source>
        <translation>Empty: the ledger&apos;s reporting unit (e.g. the township government)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>如 镇民政办（便民服务中心2楼），或来电、来信</source>
        <translation>e.g. the township civil-affairs office (service centre, 2nd floor), or by phone or letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>监督电话：</source>
        <translation>Supervision phone:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>举报电话：</source>
        <translation>Report hotline:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>受理异议的单位：</source>
        <translation>Office hearing objections:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>反映地点和方式：</source>
        <translation>Where and how to object:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>公示中另外不列出（只能比规定更严：低保、特困本来只列户主、人数和金额）</source>
        <translation>Also leave out of notices (stricter only: allowance and extreme-poverty notices already show only head, people and amount)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>签字栏（每种台账打印哪些签字栏）</source>
        <translation>Signature lines (which lines each kind of ledger prints)</translation>
    </message>
</context>
<context>
    <name>LedgersPage</name>
    <message>
        <location filename="../../ui/pages/ledgers/output.py" line="+41"/>
        <location line="+94"/>
        <source>打印台账</source>
        <translation>Print ledger</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>保存台账</source>
        <translation>Save ledger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledgers/page.py" line="+61"/>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成台账并预览（Enter）</source>
        <translation>Generate the ledger and preview it (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledgers/output.py" line="+50"/>
        <location filename="../../ui/pages/ledgers/page.py" line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledgers/page.py" line="+7"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用系统打印对话框打印（Ctrl+P）</source>
        <translation>Print with the system print dialog (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把台账 PDF 保存到其他位置（Ctrl+S）</source>
        <translation>Save the ledger PDF to another location (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledgers/job.py" line="+47"/>
        <source>正在生成第 {number} / {total} 页…</source>
        <translation>Generating page {number} of {total}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledgers/page.py" line="+116"/>
        <source>正在读取数据…</source>
        <translation>Reading data…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{title}：{rows} 行，{pages} 页，合计 {total} 元，校验码 {code}</source>
        <translation>{title}: {rows} rows, {pages} pages, total {total} yuan, check code {code}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已取消，未生成台账。</source>
        <translation>Cancelled; no ledger was generated.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>生成台账时出错。</source>
        <translation>An error occurred while generating the ledger.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成台账</source>
        <translation>Generate ledger</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ledgers/output.py" line="-14"/>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>正在送打印机…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>无法打印：打印机没有响应或不可用。</source>
        <translation>Cannot print: the printer is not responding or not available.</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+10"/>
        <source>已取消打印。</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已送打印机：{title}，{pages} 页（校验码 {code}）</source>
        <translation>Sent to the printer: {title}, {pages} pages (check code {code})</translation>
    </message>
</context>
<context>
    <name>ListDetailPage</name>
    <message>
        <location filename="../../ui/pages/list_detail.py" line="+60"/>
        <source>搜索：姓名、拼音或首字母、身份证号（或后4~6位）、户编号&#x3000;Ctrl+F</source>
        <translation>Search: name, pinyin or initials, ID no. (or last 4–6 digits), household no.&#x3000;Ctrl+F</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>共 {count} 条</source>
        <translation>{count} entries</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>找到 {people} 人，{households} 户</source>
        <translation>Found {people} people in {households} households</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/window/lock.py" line="+114"/>
        <source>退出程序？</source>
        <translation>Quit the program?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{names}中输入的内容还没有保存，退出程序会丢失这些内容。
要保留它们，请点“继续锁定”，由本人输入密码解锁后保存。</source>
        <translation>What was typed in {names} is not saved yet; quitting the program loses it.
To keep it, click “Stay locked”: its owner unlocks with the password and saves it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>继续锁定</source>
        <translation>Stay locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放弃并退出</source>
        <translation>Discard and quit</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="-63"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已锁定 — 绥宁扶贫台账</source>
        <translation>Locked — Suining Desk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登录 — 绥宁扶贫台账</source>
        <translation>Sign in — Suining Desk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>长时间没有操作，窗口已锁定。请输入密码继续。</source>
        <translation>The window was locked after a period of inactivity. Enter your password to continue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>窗口已锁定，录入的内容都还在。请输入密码继续。</source>
        <translation>The window is locked; everything typed is still there. Enter the password to continue.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>忘记密码？请本单位的管理员（{names}）在“用户管理”页为您重置密码，用他给的初始密码登录后再改成自己的。管理员忘了自己的密码，由另一位管理员重置。</source>
        <translation>Forgot your password? Ask your office&apos;s administrator ({names}) to reset it on the Users page; log in with the initial password they give you, then change it to your own. An administrator who forgot theirs has it reset by another administrator.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+78"/>
        <source>功能</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>区域</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打开数据库(&amp;O)…</source>
        <translation>&amp;Open Database…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>核验台账(&amp;V)…</source>
        <translation>&amp;Verify a ledger…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打开打印的台账 PDF，核验是否与数据库一致</source>
        <translation>Open a printed ledger PDF and check that it matches the database</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用户手册(&amp;M)</source>
        <translation>User &amp;manual</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/window/database_switch.py" line="+35"/>
        <source>绥宁扶贫台账 — {name}</source>
        <translation>Suining Desk — {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（演示数据）</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（未登录）</source>
        <translation>(not signed in)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用户：{user}</source>
        <translation>User: {user}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>打开数据库</source>
        <translation>Open Database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据库文件 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</source>
        <translation>Database files (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+8"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../ui/window/help.py" line="+23"/>
        <source>用户手册</source>
        <translation>User manual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>找不到用户手册。请重新安装本软件，或向县里的系统管理员索取手册。</source>
        <translation>The user manual was not found. Reinstall the program, or ask the county&apos;s system administrator for the manual.</translation>
    </message>
    <message>
        <location filename="../../ui/qt_log.py" line="+49"/>
        <source>打开日志文件夹(&amp;L)</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>运行日志和出错报告所在的文件夹（不含完整的身份证号和银行卡号），可发给系统管理员</source>
        <translation>The folder of the program&apos;s log and crash reports (no full ID or bank numbers), to send to the system administrator</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../ui/manual.py" line="+62"/>
        <source>用户手册 — 绥宁扶贫台账</source>
        <translation>User manual — Suining Desk</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>在浏览器中打开（可打印）</source>
        <translation>Open in a browser (to print)</translation>
    </message>
</context>
<context>
    <name>MemberExitDialog</name>
    <message>
        <location filename="../../ui/dialogs/member_dialogs.py" line="+95"/>
        <source>成员减员：{name}</source>
        <translation>Remove member: {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>变动类型(&amp;K)：</source>
        <translation>Change &amp;kind:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>变动日期(&amp;D)：</source>
        <translation>Change &amp;date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../ui/widgets/inputs.py" line="-20"/>
        <source>元，如 35000 或 35,000.00</source>
        <translation>Yuan, e.g. 35000 or 35,000.00</translation>
    </message>
</context>
<context>
    <name>MoneyTables</name>
    <message>
        <location filename="../../ui/models/money_tables.py" line="+42"/>
        <source>一次性</source>
        <translation>one-off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新发放</source>
        <translation>re-issue</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{program}（{kind}）</source>
        <translation>{program} ({kind})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>批次号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>项目</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区域</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+118"/>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>录入</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审核</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+90"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+90"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>享受人员</source>
        <translation>Beneficiary</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+88"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+88"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>终止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>终止原因</source>
        <translation>End reason</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>（全户）</source>
        <translation>(whole household)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>成功</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>冲销记录 {id}</source>
        <translation>Reverses record {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>重新发放（原记录 {id}）</source>
        <translation>Reissue (original record {id})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已冲销</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>明细号</source>
        <translation>Line no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>享受人</source>
        <translation>Beneficiary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>领款人</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标准(元)</source>
        <translation>Rate (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>银行结果</source>
        <translation>Bank result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>MonthLockDialog</name>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="+209"/>
        <source>月度关账</source>
        <translation>Close month</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>关账(&amp;C)</source>
        <translation>&amp;Close period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新开放(&amp;O)</source>
        <translation>Re&amp;open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>月份(&amp;M)：</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>关账后，发放日期在该月的批次不能过账，也不能在该月冲销或重新发放；管理员可填写原因重新开放。</source>
        <translation>After a month is closed, batches with a payment date in it cannot be posted, and nothing can be reversed or reissued in it; an administrator can reopen it with a reason.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>已关账：{months}</source>
        <translation>Closed: {months}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关账</source>
        <translation>Close period</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>重新开放</source>
        <translation>Reopen</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/navigation.py" line="+56"/>
        <source>概况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建档立卡户</source>
        <translation>Registered households</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>易地搬迁</source>
        <translation>Relocations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>危房改造</source>
        <translation>Renovations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>项目与标准</source>
        <translation>Programs and rates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>享受名单</source>
        <translation>Beneficiaries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放批次</source>
        <translation>Payment batches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>资金发放</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>台账</source>
        <translation>Ledgers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审计检查</source>
        <translation>Audit checks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区划管理</source>
        <translation>Areas</translation>
    </message>
</context>
<context>
    <name>NewBatchDialog</name>
    <message>
        <location filename="../../ui/models/exclusions.py" line="+16"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未列入原因或说明</source>
        <translation>Reason left out, or note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="+63"/>
        <location line="+129"/>
        <source>生成发放批次</source>
        <translation>New payment batch</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>预览(&amp;P)</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+34"/>
        <source>生成草稿(&amp;S)</source>
        <translation>Create &amp;draft</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>项目(&amp;G)：</source>
        <translation>Pro&amp;gram:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期间(&amp;Q)：</source>
        <translation>Peri&amp;od:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放区域(&amp;A)：</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计划发放日期：</source>
        <translation>Planned payment date:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>备注：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>如 {example}</source>
        <translation>e.g. {example}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新建一次性救助批次(&amp;S)</source>
        <translation>Create one-off relief &amp;batch</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>一次性救助批次先新建空草稿，再逐笔登记。</source>
        <translation>A one-off relief batch starts as an empty draft; add its payments one by one.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>点“预览”查看应发放的对象和未列入的原因。</source>
        <translation>Click “Preview” to see who is due payment and why others are left out.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>应发 {lines} 笔，{people} 人，合计 {total} 元；未列入 {excluded} 个对象。</source>
        <translation>{lines} payments due, {people} people, total {total} yuan; {excluded} left out.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} 笔因家庭成员死亡或减员少发人数（见下表说明）。</source>
        <translation> {count} paid for fewer people because members died or left (see the notes below).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>计算应发放对象</source>
        <translation>Working out who is due payment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>计算发放批次</source>
        <translation>Working out the payment batch</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>生成批次草稿</source>
        <translation>Creating the draft batch</translation>
    </message>
</context>
<context>
    <name>OneOffLineDialog</name>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="-126"/>
        <source>登记一次性救助</source>
        <translation>Record one-off relief</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>如：住院医疗救助（县人民医院，2018年11月）</source>
        <translation>e.g. hospital medical relief (county hospital, November 2018)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>清除附件</source>
        <translation>Clear attachments</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>户(&amp;H)：</source>
        <translation>&amp;Household:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>享受人员：</source>
        <translation>Beneficiary:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>金额(元)(&amp;M)：</source>
        <translation>A&amp;mount (yuan):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>救助事由(&amp;R)：</source>
        <translation>&amp;Reason for relief:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>登记(&amp;S)</source>
        <translation>Re&amp;cord</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>（全户）</source>
        <translation>(whole household)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>（请选择享受人员）</source>
        <translation>(choose the beneficiary)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>照片或扫描件 (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)</source>
        <translation>Photos or scans (*.jpg *.jpeg *.png *.pdf);;All files (*)</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="+58"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>乡镇</source>
        <translation>Townships</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行政村</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>村民小组</source>
        <translation>Village groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>搬迁</source>
        <translation>Relocations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>危改</source>
        <translation>Renovations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>项目</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>资金发放（已发放，含冲销）</source>
        <translation>Aid payments (posted, reversals included)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>统计时间：{time}</source>
        <translation>As of {time}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{area}概况</source>
        <translation>Overview: {area}</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>另有清退 {count} 户</source>
        <translation>plus {count} removed from the register</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <location filename="../../ui/models/payment_table.py" line="+48"/>
        <source>记录号</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>项目</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>领款人</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份证号</source>
        <translation>ID no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标准(元)</source>
        <translation>Rate (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <location filename="../../ui/pages/payments.py" line="+62"/>
        <source>{y}年</source>
        <translation>{y}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>搜索：姓名、拼音首字母、身份证号后几位、户编号&#x3000;Ctrl+F</source>
        <translation>Search: name, pinyin initials, last digits of ID no., household no.&#x3000;Ctrl+F</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>冲销…</source>
        <translation>Reverse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新发放…</source>
        <translation>Reissue…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>项目：</source>
        <translation>Program:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>共 {count} 笔&#x3000;合计 {total} 元（{capitals}）</source>
        <translation>{count} payments&#x3000;total {total} yuan ({capitals})</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在排序 {count} 笔…</source>
        <translation>Sorting {count} payments…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>排序</source>
        <translation>Sorting</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>冲销</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>冲销 {name} {amount} 元（{period}）：新增一笔负数记录，原记录保留</source>
        <translation>Reverse {name} {amount} yuan ({period}): adds a negative entry; the original record is kept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>冲销(&amp;S)</source>
        <translation>&amp;Reverse</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>重新发放</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>尚未冲销的会先在所填日期冲销；重新发放的一笔进入“重新发放”批次草稿，提交、由另一人审核后过账才发放</source>
        <translation>A payment not yet reversed is first reversed on the date given; the re-issue goes into a draft re-issue batch and is paid only once submitted, approved by another person and posted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>加入重新发放批次(&amp;S)</source>
        <translation>Add to re-i&amp;ssue batch</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="+36"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>第 </source>
        <translation>Page </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缩放（Ctrl+加号 放大，Ctrl+减号 缩小）</source>
        <translation>Zoom (Ctrl+Plus zooms in, Ctrl+Minus zooms out)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+55"/>
        <source>生成台账后在这里预览</source>
        <translation>Generate a ledger to preview it here</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>缩放：</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>页，共 {count} 页</source>
        <translation>of {count}</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/dialogs/member_dialogs.py" line="+74"/>
        <source>修改成员信息</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新增成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>变动类型(&amp;K)：</source>
        <translation>Change &amp;kind:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>入户日期(&amp;D)：</source>
        <translation>&amp;Joined on:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出生、婚入或迁入的日期：从这一天起算在户人数</source>
        <translation>The day of the birth, marriage or move: counted as living in the household from this day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>必填，如：新生儿、婚入、姓名更正</source>
        <translation>Required, e.g. newborn, married in, name corrected</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../ui/widgets/person_form.py" line="+45"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>18位身份证号码</source>
        <translation>18-digit ID number</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>如：肢体二级</source>
        <translation>e.g. physical, grade 2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>成员来到本户的日期：发放批次按各期第一天在户的人数计算</source>
        <translation>The day the member came to the household: batches pay for the people present on each period&apos;s first day</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未填</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>姓名(&amp;M)：</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>身份证号(&amp;I)：</source>
        <translation>&amp;ID no.:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>性别/出生：</source>
        <translation>Sex/birth:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>与户主关系(&amp;R)：</source>
        <translation>Re&amp;lation to head:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>健康状况：</source>
        <translation>Health:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>残疾情况：</source>
        <translation>Disability:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文化程度：</source>
        <translation>Education:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在校生状况：</source>
        <translation>Schooling:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>劳动技能：</source>
        <translation>Labour skills:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>务工状况：</source>
        <translation>Work:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>民族：</source>
        <translation>Ethnicity:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>入户日期(&amp;J)：</source>
        <translation>&amp;Joined on:</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>{sex}&#x3000;{birth}&#x3000;{age}岁</source>
        <translation>{sex}&#x3000;{birth}&#x3000;age {age}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（由身份证号自动得出）</source>
        <translation>(derived from the ID number)</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/wizards/import_pages.py" line="-225"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>工作表“{sheet}”，第{row}行是表头。</source>
        <translation>Sheet “{sheet}”: the header is on row {row}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>认出的列：{found}</source>
        <translation>Columns recognised: {found}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不认识、将忽略的列：{unknown}</source>
        <translation>Columns not recognised (ignored): {unknown}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/dialogs/bank_file_dialog.py" line="+42"/>
        <source>下一步(&amp;N)…</source>
        <translation>&amp;Next…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>银行文件格式(&amp;F)：</source>
        <translation>Bank file &amp;format:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>导出银行代发文件</source>
        <translation>Export bank payment file</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>导入银行回盘文件</source>
        <translation>Import bank return file</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>回盘文件</source>
        <translation>Return files</translation>
    </message>
</context>
<context>
    <name>ProgramBanner</name>
    <message>
        <location filename="../../ui/widgets/login_banner.py" line="+31"/>
        <source>版本 {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>打开其他数据库(&amp;O)…</source>
        <translation>&amp;Open another database…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>换一个数据库文件（如本单位的正式数据库、从别的电脑拷来的数据库）；登录后也可以用“文件 → 打开数据库…”</source>
        <translation>Open another database file (your office&apos;s own database, one copied from another computer); after logging in, File → Open Database… does the same</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>打开数据库</source>
        <translation>Open Database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库文件 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</source>
        <translation>Database files (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <location filename="../../ui/dialogs/program_dialogs.py" line="+48"/>
        <source>修改项目：{name}</source>
        <translation>Edit program: {name}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新增项目</source>
        <translation>New program</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>小写字母开头，如 dibao、water_aid</source>
        <translation>Starts with a lower-case letter, e.g. dibao, water_aid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>如：农村最低生活保障</source>
        <translation>e.g. Rural minimum living allowance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>如：中央和省级财政</source>
        <translation>e.g. Central and provincial funds</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>项目代码(&amp;C)：</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>项目名称(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放对象(&amp;B)：</source>
        <translation>&amp;Basis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放周期(&amp;F)：</source>
        <translation>&amp;Frequency:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>资金来源(&amp;U)：</source>
        <translation>F&amp;unding source:</translation>
    </message>
</context>
<context>
    <name>ProgramsPage</name>
    <message>
        <location filename="../../ui/pages/programs.py" line="+47"/>
        <source>项目</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>发放对象</source>
        <translation>Paid to</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>发放周期</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>现行标准(元)</source>
        <translation>Current rate (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>资金来源</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>执行起始日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>标准(元)</source>
        <translation>Rate (yuan)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>文件日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>登记下达(&amp;G)…</source>
        <translation>Record allo&amp;cation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>作废(&amp;V)…</source>
        <translation>&amp;Void…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新增标准(&amp;A)…</source>
        <translation>&amp;Add rate…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审核上限(&amp;C)…</source>
        <translation>Review &amp;cap…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超过此金额的一次性发放或调整后的发放，审核时须由审核人确认并填写理由</source>
        <translation>A one-off or adjusted payment above this amount needs the reviewer&apos;s confirmation with a reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新增项目(&amp;N)…</source>
        <translation>&amp;New program…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改项目(&amp;E)…</source>
        <translation>&amp;Edit program…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标准是每人（户）每期的金额；一次性救助的标准是单笔上限。标准不修改：调整时从新的日期起另设一条。项目和标准由管理员设置。</source>
        <translation>A rate is the amount per person (or household) per period; for one-off aid it is the cap on a single payment. Rates are never edited: a change is a new rate from a new date. Programs and rates are set by an administrator.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>补助标准</source>
        <translation>Standards</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>资金下达（台账表头列出所属年度的下达文号，汇总台账计算结余）</source>
        <translation>Allocations (payment ledgers list the year&apos;s documents in their heading; the summary ledger computes the balance)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>项目和标准由管理员设置</source>
        <translation>Programs and rates are set by an administrator</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>审核上限：{amount} 元</source>
        <translation>Review cap: {amount} yuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审核上限：未设置</source>
        <translation>Review cap: not set</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已作废：{reason}</source>
        <translation>Voided: {reason}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>有效</source>
        <translation>In force</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../ui/tasks.py" line="+91"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../ui/startup.py" line="+66"/>
        <source>最新的完好备份是 {time} 的“{name}”。是否用它恢复？现在的文件会先另存一份，不会删除。</source>
        <translation>The latest good backup is “{name}” from {time}. Restore from it? The current file is saved as a copy first, not deleted.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>用备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>欢迎使用绥宁扶贫台账。

这台电脑上还没有数据库。可以先打开演示数据（虚构的乡镇、农户和发放记录，账户 admin / shenhe / luru，密码 suining2018）熟悉软件，也可以直接新建本单位的正式数据库（接着创建管理员账户）。</source>
        <translation>Welcome to Suining Desk.

There is no database on this computer yet. You can open the demo data (fictional townships, households and payments; accounts admin / shenhe / luru, password suining2018) to get to know the program, or create your office&apos;s real database now (and then its administrator account).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>打开演示数据(&amp;D)</source>
        <translation>Open &amp;demo data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建正式数据库(&amp;N)</source>
        <translation>Create &amp;new database</translation>
    </message>
    <message>
        <location filename="../../ui/safety_prompts.py" line="+45"/>
        <source>暂不</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>数据库的保护规则缺失或被改动：{names}。

在恢复之前，本软件只能查看、不能修改这个数据库。是否现在恢复？（恢复记入审计日志；建议随后运行“审计日志 → 核验”，查看保护缺失期间数据是否被改动）</source>
        <translation>The database&apos;s protection rules are missing or altered: {names}.

Until they are restored, this program can only read this database, not change it. Restore them now? (The restore is written to the audit log; afterwards run Audit log → Verify to see whether data was changed while they were missing.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>恢复保护规则</source>
        <translation>Restore protections</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已恢复数据库的保护规则，现在可以正常修改数据。</source>
        <translation>The database&apos;s protection rules are restored; data can be changed again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>如已核实（例如确是有意恢复了较早的备份，或已找回丢失的记录），可以确认接受现状：这次回退将记入审计日志，之后不再提示。</source>
        <translation>Once you have checked (for instance, an older backup was restored on purpose, or the lost records were recovered), you may accept the database as it is: this rollback is written to the audit log and not warned about again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认接受现状</source>
        <translation>Accept as it is</translation>
    </message>
</context>
<context>
    <name>RecordDetailView</name>
    <message>
        <location filename="../../ui/widgets/record_detail.py" line="+34"/>
        <source>记录时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>办理</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;br&gt;重复享受审核：{reason}（{by}）</source>
        <translation>&lt;br&gt;Double benefit approved: {reason} ({by})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&#x3000;备注：{notes}</source>
        <translation> · Notes: {notes}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;{head}户&lt;/b&gt;&#x3000;户编号 {no}&#x3000;{place}&#x3000;在户{members}人&lt;br&gt;{year}年批次&#x3000;搬迁{people}人&#x3000;{mode}&#x3000;安置点：{site}&#x3000;安置房面积：{area}㎡&lt;br&gt;建房补助：{subsidy}元&#x3000;自筹：{self_raised}元&#x3000;迁出地：{origin}&lt;br&gt;状态：&lt;b&gt;{status}&lt;/b&gt;&#x3000;计划：{plan}&#x3000;入住：{moved_in}&#x3000;旧房拆除：{demolished}</source>
        <translation>&lt;b&gt;{head} household&lt;/b&gt; · Household no. {no} · {place} · {members} members&lt;br&gt;{year} batch · {people} people moved · {mode} · Site: {site} · House area: {area} m²&lt;br&gt;Building subsidy: {subsidy} yuan · Self-funded: {self_raised} yuan · Moved from: {origin}&lt;br&gt;Status: &lt;b&gt;{status}&lt;/b&gt; · Planned: {plan} · Moved in: {moved_in} · Old house demolished: {demolished}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>建档立卡搬迁户</source>
        <translation>Registered poor household</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>同步搬迁户</source>
        <translation>Moving with them</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&#x3000;类型：{kind}</source>
        <translation>&#x3000;Kind: {kind}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&#x3000;鉴定：{by} {date}</source>
        <translation>&#x3000;Appraisal: {by} {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&#x3000;补助发放：{date}</source>
        <translation>&#x3000;Subsidy paid: {date}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&#x3000;验收：{date} {by} {result}</source>
        <translation> · Accepted: {date} {by} {result}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{head}户&lt;/b&gt;&#x3000;户编号 {no}&#x3000;{place}&#x3000;家庭人口{members}人&lt;br&gt;{year}年&#x3000;{beneficiary}&#x3000;{grade}&#x3000;{method}&#x3000;{build_mode}&#x3000;面积：{area}㎡&lt;br&gt;补助标准：{standard}元&#x3000;补助金额：{subsidy}元&lt;br&gt;状态：&lt;b&gt;{status}&lt;/b&gt;&#x3000;开工：{start}&#x3000;竣工：{completed}</source>
        <translation>&lt;b&gt;{head} household&lt;/b&gt; · Household no. {no} · {place} · {members} in household&lt;br&gt;{year} · {beneficiary} · {grade} · {method} · {build_mode} · Area: {area} m²&lt;br&gt;Subsidy rate: {standard} yuan · Subsidy: {subsidy} yuan&lt;br&gt;Status: &lt;b&gt;{status}&lt;/b&gt; · Started: {start} · Completed: {completed}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>编辑(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>下一步…</source>
        <translation>Next step…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>照片和扫描件</source>
        <translation>Photos and scans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理记录</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>在上方列表中选择一条记录查看详情。</source>
        <translation>Select a record in the list above to see its details.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>登记{status}(&amp;T)…</source>
        <translation>Record s&amp;tep: {status}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ui/dialogs/record_dialog.py" line="+40"/>
        <source>审核意见：为什么同意该户同时享受两项政策（必填）</source>
        <translation>Reviewer&apos;s opinion: why this household may receive both benefits (required)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审核人员意见（重复享受）</source>
        <translation>Reviewer&apos;s opinion (double benefit)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>审核人：{user}</source>
        <translation>Reviewer: {user}</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <location filename="../../ui/pages/list_detail.py" line="-117"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/pages/record_page.py" line="+20"/>
        <source>新增(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../ui/widgets/record_view.py" line="+36"/>
        <source>发放记录</source>
        <translation>Payment record</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+95"/>
        <location line="+14"/>
        <source>记录不存在</source>
        <translation>The record does not exist</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+55"/>
        <source>记录号</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+21"/>
        <source>项目</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+20"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+57"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+54"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>领款人</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>身份证号</source>
        <translation>ID no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+21"/>
        <source>发放日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>未发放</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>冲销的原记录</source>
        <translation>Reverses record</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>重新发放的原记录</source>
        <translation>Reissue of record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已被冲销（冲销记录）</source>
        <translation>Reversed by record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已重新发放（新记录）</source>
        <translation>Reissued as record</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>发放记录 {id}</source>
        <translation>Payment record {id}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>批次号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区域</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>笔数</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>录入</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>审核</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发放</source>
        <translation>Posted by</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>发放批次 {no}</source>
        <translation>Payment batch {no}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>移出日期</source>
        <translation>Removed on</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>户 {no}</source>
        <translation>Household {no}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>搬迁年度</source>
        <translation>Relocation year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>搬迁人数</source>
        <translation>People moving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>迁出地</source>
        <translation>Moved from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置点</source>
        <translation>Settlement site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置方式</source>
        <translation>Settlement mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>住房面积(㎡)</source>
        <translation>House area (m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>补助(元)</source>
        <translation>Subsidy (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自筹(元)</source>
        <translation>Self-raised (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>入住日期</source>
        <translation>Moved-in date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>拆旧日期</source>
        <translation>Old house demolished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重复享受的理由</source>
        <translation>Reason for double benefit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认人</source>
        <translation>Confirmed by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对象类型</source>
        <translation>Beneficiary type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>危房等级</source>
        <translation>Danger grade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改造方式</source>
        <translation>Renovation method</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建设方式</source>
        <translation>Building mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改造面积(㎡)</source>
        <translation>Renovated area (m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>补助标准(元)</source>
        <translation>Standard (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开工日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>竣工日期</source>
        <translation>Completion date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>验收日期</source>
        <translation>Acceptance date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>验收人</source>
        <translation>Accepted by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>验收结果</source>
        <translation>Acceptance result</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>易地搬迁</source>
        <translation>Poverty relocation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>危房改造</source>
        <translation>Dilapidated-house renovation</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
</context>
<context>
    <name>RelocationDialog</name>
    <message>
        <location filename="../../ui/dialogs/relocation_dialog.py" line="+27"/>
        <source>修改搬迁记录</source>
        <translation>Edit relocation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新增易地扶贫搬迁</source>
        <translation>New poverty relocation</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{site} 已安置{placed}/{capacity}户</source>
        <translation>{site}  {placed}/{capacity} households settled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>如：某村高山组（地质灾害隐患点）</source>
        <translation>e.g. a village&apos;s mountain group (geological hazard site)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已定</source>
        <translation>Set</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（未登记）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建档立卡搬迁户</source>
        <translation>Registered poor household</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同步搬迁户</source>
        <translation>Moving with them</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>农户(&amp;H)：</source>
        <translation>&amp;Household:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>搬迁批次(年度)：</source>
        <translation>Relocation batch (year):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>搬迁户类型：</source>
        <translation>Household kind:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>搬迁人口(&amp;P)：</source>
        <translation>&amp;People moved:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置方式：</source>
        <translation>Settlement:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置点：</source>
        <translation>Resettlement site:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>迁出地：</source>
        <translation>Moved from:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置房面积(㎡)(&amp;A)：</source>
        <translation>House &amp;area (m²):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建房补助(元)：</source>
        <translation>Building subsidy (yuan):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自筹资金(元)：</source>
        <translation>Self-funded (yuan):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计划日期：</source>
        <translation>Planned dates:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注：</source>
        <translation>Notes:</translation>
    </message>
</context>
<context>
    <name>RelocationsPage</name>
    <message>
        <location filename="../../ui/pages/relocations.py" line="+23"/>
        <source>新增搬迁(&amp;N)</source>
        <translation>&amp;New relocation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>搬迁批次：</source>
        <translation>Batch year:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置方式：</source>
        <translation>Settlement:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置点：</source>
        <translation>Site:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>安置点管理…</source>
        <translation>Resettlement sites…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{head}户&#x3000;户编号 {no}</source>
        <translation>{head} household&#x3000;No. {no}</translation>
    </message>
</context>
<context>
    <name>RenovationDialog</name>
    <message>
        <location filename="../../ui/dialogs/renovation_dialog.py" line="+38"/>
        <source>修改危改记录</source>
        <translation>Edit renovation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新增危房改造</source>
        <translation>New dilapidated-house renovation</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>竣工验收合格后填写</source>
        <translation>Filled in after the completion inspection is passed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>如：县住建局（危房鉴定组）</source>
        <translation>e.g. county housing bureau (appraisal team)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已鉴定</source>
        <translation>Appraised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已发放</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>验收合格后发放；验收后超过30天发放的会标出</source>
        <translation>Paid after acceptance; paid more than 30 days after it is flagged</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>农户(&amp;H)：</source>
        <translation>&amp;Household:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改造年度：</source>
        <translation>Renovation year:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>户类型：</source>
        <translation>Household type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>危房等级(&amp;G)：</source>
        <translation>Dilapidation &amp;grade:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>鉴定单位（人）：</source>
        <translation>Appraised by:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>鉴定日期：</source>
        <translation>Appraisal date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改造方式(&amp;M)：</source>
        <translation>Renovation &amp;method:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建设方式：</source>
        <translation>Construction:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改造面积(㎡)：</source>
        <translation>Renovated area (m²):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>补助标准(元/户)：</source>
        <translation>Subsidy rate (yuan/household):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>补助金额(元)：</source>
        <translation>Subsidy (yuan):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>补助发放日期：</source>
        <translation>Subsidy paid on:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注：</source>
        <translation>Notes:</translation>
    </message>
</context>
<context>
    <name>RenovationsPage</name>
    <message>
        <location filename="../../ui/pages/renovations.py" line="+21"/>
        <source>新增危改(&amp;N)</source>
        <translation>&amp;New renovation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>危房等级：</source>
        <translation>Grade:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改造方式：</source>
        <translation>Method:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{head}户&#x3000;户编号 {no}</source>
        <translation>{head} household&#x3000;No. {no}</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/user_dialog.py" line="+70"/>
        <source>重置</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>重置密码 — {user}</source>
        <translation>Reset password — {user}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重置后账户解除锁定，用户下次登录时须修改密码。</source>
        <translation>Resetting unlocks the account; the user must change the password at the next sign-in.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
</context>
<context>
    <name>SecurityController</name>
    <message>
        <location filename="../../ui/window_security.py" line="+35"/>
        <source>修改密码(&amp;P)…</source>
        <translation>Change &amp;Password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>切换用户(&amp;U)…</source>
        <translation>Switch &amp;User…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>切换用户 — 绥宁扶贫台账</source>
        <translation>Switch user — Suining Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>绥宁扶贫台账（已锁定）</source>
        <translation>Suining Desk (locked)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="+34"/>
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>录入时间</source>
        <translation>Entered at</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>保存新数值(&amp;S)</source>
        <translation>&amp;Save new value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安置点管理…</source>
        <translation>Resettlement sites…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>银行文件格式…</source>
        <translation>Bank file formats…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>银行代发文件和回盘文件的格式（管理员）</source>
        <translation>Formats of the bank&apos;s payment and return files (admins)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>台账设置…</source>
        <translation>Ledger settings…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公示期、监督电话、公示隐私和各台账的签字栏（管理员）</source>
        <translation>Notice periods, supervision phones, notice privacy and each ledger&apos;s signature lines (admin)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>新数值（从生效日期起执行，之前的记录仍按原数值核查）</source>
        <translation>New value (applies from the effective date; earlier records are still checked against the old value)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数值(&amp;V)：</source>
        <translation>&amp;Value:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生效日期(&amp;D)：</source>
        <translation>&amp;Effective from:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>上限和标准</source>
        <translation>Limits and rates</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>平方米，如 {whole} 或 {half}</source>
        <translation>Square metres, e.g. {whole} or {half}</translation>
    </message>
</context>
<context>
    <name>SitesDialog</name>
    <message>
        <location filename="../../ui/dialogs/sites_dialog.py" line="+26"/>
        <source>安置点</source>
        <translation>Resettlement site</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所在乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>容量(户)</source>
        <translation>Capacity (households)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已安置(户)</source>
        <translation>Settled (households)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>安置点管理</source>
        <translation>Resettlement sites</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>新增安置点(&amp;A)</source>
        <translation>&amp;Add site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存修改(&amp;S)</source>
        <translation>&amp;Save changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所在乡镇：</source>
        <translation>Township:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型：</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>容量(户)：</source>
        <translation>Capacity (households):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StandardDialog</name>
    <message>
        <location filename="../../ui/dialogs/program_dialogs.py" line="+42"/>
        <source>新增标准：{name}</source>
        <translation>New rate: {name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>如 A、B、C；不分类别可不填</source>
        <translation>e.g. A, B, C; leave empty if there are no categories</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>一次性救助为单笔上限</source>
        <translation>for one-off aid, the cap on a single payment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>每{basis}每期</source>
        <translation>per {basis} per period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人</source>
        <translation>person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>户</source>
        <translation>household</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>从所填日期起执行，此前的批次仍按原标准；标准不修改，调整时另设一条。</source>
        <translation>Applies from the date given; earlier batches keep the old rate. Rates are never edited: a change is a new one.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>类别(&amp;K)：</source>
        <translation>Categor&amp;y:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标准(元)(&amp;M)：</source>
        <translation>A&amp;mount (yuan):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>执行起始日期(&amp;D)：</source>
        <translation>Effective &amp;from:</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/dialogs/member_dialogs.py" line="-65"/>
        <source>变更户状态</source>
        <translation>Change household status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>恢复在册（撤销清退）</source>
        <translation>Back on the register (undo removal)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>清退（移出建档立卡）</source>
        <translation>Remove from the register</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>新状态(&amp;T)：</source>
        <translation>New s&amp;tatus:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>脱贫年度(&amp;Y)：</source>
        <translation>&amp;Year out of poverty:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>变更日期(&amp;D)：</source>
        <translation>Change &amp;date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="-98"/>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>金额(元)(&amp;M)：</source>
        <translation>A&amp;mount (yuan):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>一卡通账号：</source>
        <translation>Benefit card account:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>确定(&amp;S)</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/step_dialog.py" line="+34"/>
        <source>登记：{status}</source>
        <translation>Record: {status}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>如：县住建局验收组 张三</source>
        <translation>e.g. county housing bureau inspection team, Zhang San</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>当前状态：</source>
        <translation>Current status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{step}日期(&amp;D)：</source>
        <translation>{step} &amp;date:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>验收人(&amp;B)：</source>
        <translation>Inspected &amp;by:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>验收结论(&amp;R)：</source>
        <translation>&amp;Result:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>补助金额(元)：</source>
        <translation>Subsidy (yuan):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>说明：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>计划日期同时改为这一天（原为{date}）</source>
        <translation>Move the plan date to this day too (it is {date})</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/dialogs/user_dialog.py" line="-59"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改用户</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新用户首次登录时须修改初始密码。</source>
        <translation>A new user must change the initial password at first sign-in.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../ui/pages/users.py" line="+38"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>所属乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location line="+16"/>
        <source>新增用户(&amp;N)…</source>
        <translation>&amp;New user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不锁定</source>
        <translation>Never</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>本机空闲自动锁定：</source>
        <translation>Lock this computer when idle:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用户不能删除（审计日志和各项记录都引用用户），离岗人员请停用。连续输错密码5次账户锁定15分钟，管理员重置密码可立即解锁。</source>
        <translation>Users cannot be deleted (the audit log and records refer to them); disable people who have left. After 5 wrong passwords in a row an account is locked for 15 minutes; an administrator resetting the password unlocks it at once.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>不能修改</source>
        <translation>Cannot change</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/dialogs/verify_dialog.py" line="+42"/>
        <source>选择要核验的台账</source>
        <translation>Choose the ledger to verify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+86"/>
        <source>核验台账</source>
        <translation>Verify a ledger</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>选择本软件打印的台账 PDF，与数据库现在的数据比对：一致则核验通过，不一致则列出差异（增减的记录、合计、改动过的页）。</source>
        <translation>Choose a ledger PDF this program printed to compare it with the database now: it passes if they match, otherwise the differences are listed (records added or removed, totals, pages changed).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>台账 PDF 文件</source>
        <translation>Ledger PDF file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择文件(&amp;F)…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核验(&amp;V)</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>核验结果和差异将显示在这里。</source>
        <translation>The result and any differences will show here.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>正在核验 {name}……</source>
        <translation>Verifying {name}……</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>无法核验：</source>
        <translation>Cannot verify:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>核验时出错。</source>
        <translation>Verifying failed.</translation>
    </message>
</context>
<context>
    <name>VoidAllocationDialog</name>
    <message>
        <location filename="../../ui/dialogs/allocation_dialog.py" line="+54"/>
        <source>作废资金下达</source>
        <translation>Void an allocation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>如：金额录错，已重新登记</source>
        <translation>e.g. wrong amount, recorded again</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{doc}，{year}年，{level}，{amount}元</source>
        <translation>{doc}, {year}, {level}, {amount} yuan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>作废原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>WindowsPrinting</name>
    <message>
        <location filename="../../ui/vector_print.py" line="+241"/>
        <source>找不到打印机“{printer}”：它可能已被删除或改名。请重新选择打印机。</source>
        <translation>Printer “{printer}” was not found: it may have been removed or renamed. Please choose the printer again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>没有使用打印机“{printer}”的权限。请找管理员。</source>
        <translation>You are not allowed to use printer “{printer}”. Please ask an administrator.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>系统盘空间不足，打印内容无法暂存。请清理磁盘后再打印。</source>
        <translation>The system drive is full: the print job cannot be spooled. Free some space, then print again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>内存不足，无法打印。请关闭其他程序后再试，或分几次打印（页码范围）。</source>
        <translation>Not enough memory to print. Close other programs and try again, or print in parts (page range).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Windows 的打印服务（Print Spooler）没有运行。请重启电脑或请管理员启动它。</source>
        <translation>The Windows Print Spooler service is not running. Restart the PC, or ask an administrator to start it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>第 {page} 页无法送到打印机“{printer}”，打印已取消。</source>
        <translation>Page {page} could not be sent to printer “{printer}”; printing was cancelled.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法打印：打印机“{printer}”没有响应或不可用（Windows 错误 {code}）。</source>
        <translation>Cannot print: printer “{printer}” is not responding or not available (Windows error {code}).</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="-44"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_ReasonDialog</name>
    <message>
        <location filename="../../ui/dialogs/member_dialogs.py" line="-103"/>
        <source>必填，如：病故、出嫁、户口迁出</source>
        <translation>Required, e.g. died of illness, married out, hukou moved</translation>
    </message>
</context>
<context>
    <name>_RunPage</name>
    <message>
        <location filename="../../ui/wizards/import_pages.py" line="+28"/>
        <source>取消(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>已取消导入，数据库未改动。</source>
        <translation>Import cancelled; the database is unchanged.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已取消检查。</source>
        <translation>Check cancelled.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>出错了：{error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
</context>
</TS>
