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
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+66"/>
        <source>功能</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>区域</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+8"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>绥宁扶贫台账 — {name}</source>
        <translation>Suining Desk — {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（演示数据）</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+11"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/navigation.py" line="+42"/>
        <source>概况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建档立卡户</source>
        <translation>Registered households</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="+50"/>
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
        <location line="+9"/>
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
        <location line="+23"/>
        <source>资金发放（已发放，含冲销）</source>
        <translation>Aid payments (posted, reversals included)</translation>
    </message>
    <message>
        <location line="+38"/>
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
        <location line="+12"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
</TS>
