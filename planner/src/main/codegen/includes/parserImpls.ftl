<#--
  Cepheid's Redshift productions, included into Calcite's Parser.jj by config.fmpp.

  Statement nodes live in io.cepheid.planner.parse; this file only reads tokens and builds them.
  Errors that the token grammar cannot express (an option given twice, an unknown COPY option)
  are thrown as ParseErrors.at(pos, message) so that they carry the position of the offending
  word, which the generated convertException() turns into a SqlParseException.
-->

/* ---------------------------------------------------------------------------------------------
 * Shared pieces
 * ------------------------------------------------------------------------------------------- */

boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

DropBehavior DropBehaviorOpt() :
{
}
{
    <CASCADE> { return DropBehavior.CASCADE; }
|
    <RESTRICT> { return DropBehavior.RESTRICT; }
|
    { return DropBehavior.RESTRICT; }
}

SqlNodeList CompoundIdentifierCommaList() :
{
    final Span s;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier name;
}
{
    name = CompoundIdentifier() { s = span(); names.add(name); }
    (
        <COMMA> name = CompoundIdentifier() { names.add(name); }
    )*
    {
        return new SqlNodeList(names, s.end(this));
    }
}

void RejectOrReplace(Span s, boolean replace, String what) :
{
}
{
    {
        if (replace) {
            throw ParseErrors.at(s.pos(), "OR REPLACE is not allowed with CREATE " + what);
        }
    }
}

/* ---------------------------------------------------------------------------------------------
 * Redshift type names, tried before Calcite's own (dataTypeParserMethods)
 * ------------------------------------------------------------------------------------------- */

SqlTypeNameSpec RedshiftTypeName() :
{
    final Span s = Span.of();
    final SqlTypeName typeName;
    int precision = -1;
}
{
    (
        <INT2> { s.add(this); typeName = SqlTypeName.SMALLINT; }
    |   <INT4> { s.add(this); typeName = SqlTypeName.INTEGER; }
    |   <INT8> { s.add(this); typeName = SqlTypeName.BIGINT; }
    |   <FLOAT4> { s.add(this); typeName = SqlTypeName.REAL; }
        // Redshift's FLOAT without a precision is an 8-byte double, like FLOAT8.
    |   <FLOAT8> { s.add(this); typeName = SqlTypeName.DOUBLE; }
    |   <FLOAT> { s.add(this); typeName = SqlTypeName.DOUBLE; }
    |   <BOOL> { s.add(this); typeName = SqlTypeName.BOOLEAN; }
        // TIMESTAMPTZ stores an instant and shows it in the session time zone: Calcite's
        // TIMESTAMP WITH LOCAL TIME ZONE, not TIMESTAMP_TZ (which keeps an offset per value).
    |   <TIMESTAMPTZ> { s.add(this); typeName = SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE; }
    |   <TIMESTAMP> { s.add(this); } <WITH> <TIME> <ZONE> {
            typeName = SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
        }
    |   ( <CHAR> | <CHARACTER> ) { s.add(this); }
        (
            <VARYING> { typeName = SqlTypeName.VARCHAR; }
        |
            { typeName = SqlTypeName.CHAR; }
        )
        precision = CharacterLengthOpt()
    |   ( <NCHAR> | <BPCHAR> ) { s.add(this); typeName = SqlTypeName.CHAR; }
        precision = CharacterLengthOpt()
    |   ( <VARCHAR> | <NVARCHAR> ) { s.add(this); typeName = SqlTypeName.VARCHAR; }
        precision = CharacterLengthOpt()
        // Redshift stores TEXT as VARCHAR(256).
    |   <TEXT> { s.add(this); typeName = SqlTypeName.VARCHAR; }
        precision = CharacterLengthOpt() {
            if (precision < 0) {
                precision = RedshiftLimits.TEXT_LENGTH;
            }
        }
        // INTERVAL with no unit after it ('3 days'::interval); INTERVAL DAY and the like stay Calcite's.
    |   LOOKAHEAD({ getToken(1).kind == INTERVAL && getToken(2).kind != YEAR && getToken(2).kind != YEARS
            && getToken(2).kind != QUARTER && getToken(2).kind != QUARTERS && getToken(2).kind != MONTH
            && getToken(2).kind != MONTHS && getToken(2).kind != WEEK && getToken(2).kind != WEEKS
            && getToken(2).kind != DAY && getToken(2).kind != DAYS && getToken(2).kind != HOUR
            && getToken(2).kind != HOURS && getToken(2).kind != MINUTE && getToken(2).kind != MINUTES
            && getToken(2).kind != SECOND && getToken(2).kind != SECONDS })
        <INTERVAL> { return new SqlUnqualifiedIntervalType(getPos()); }
    )
    {
        return new SqlBasicTypeNameSpec(typeName, precision, s.end(this));
    }
}

/** Parses "(n)" or "(MAX)" after a character type; MAX is Redshift's 65535-byte limit. */
int CharacterLengthOpt() :
{
    final int length;
}
{
    <LPAREN>
    (
        length = UnsignedIntLiteral()
    |
        <MAX> { length = RedshiftLimits.MAX_VARCHAR_LENGTH; }
    )
    <RPAREN> { return length; }
|
    { return -1; }
}

/* ---------------------------------------------------------------------------------------------
 * Babel-style query extensions: "::" casts and the DATEADD function family
 * ------------------------------------------------------------------------------------------- */

/** Parses the PostgreSQL cast "expr :: type". */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    type = DataType() {
        list.add(new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST, s.pos()));
        list.add(type);
    }
}

/**
 * Parses DATEADD(part, n, d), DATEDIFF(part, a, b), DATE_PART(part, d), DATEPART(part, d). The part is a
 * name (day, mons, qtr) or a string ('day'); either becomes a string literal for the validator.
 */
SqlNode DateaddFunctionCall() :
{
    final Span s;
    final SqlOperator op;
    final SqlIntervalQualifier unit;
    final List<SqlNode> args;
    SqlNode e;
}
{
    (
        <DATEADD> { op = io.cepheid.planner.validate.DatetimeOperators.DATEADD; }
    |   <DATEDIFF> { op = io.cepheid.planner.validate.DatetimeOperators.DATEDIFF; }
    |   <DATE_PART> { op = io.cepheid.planner.validate.DatetimeOperators.DATE_PART; }
    |   <DATEPART> { op = io.cepheid.planner.validate.DatetimeOperators.DATEPART; }
    )
    { s = span(); }
    <LPAREN>
    (
        e = StringLiteral() { args = startList(e); }
    |
        unit = TimeUnitOrName() { args = startList(DateParts.literal(unit)); }
    )
    (
        <COMMA> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { args.add(e); }
    )*
    <RPAREN> {
        return op.createCall(s.end(this), args);
    }
}

/** Parses Redshift's APPROXIMATE COUNT(DISTINCT e): a HyperLogLog estimate, Calcite's APPROX_COUNT_DISTINCT. */
SqlNode ApproximateCountDistinct() :
{
    final Span s;
    final SqlNode e;
}
{
    <APPROXIMATE> { s = span(); } <COUNT> <LPAREN> <DISTINCT>
    e = Expression(ExprContext.ACCEPT_SUB_QUERY)
    <RPAREN> {
        return SqlStdOperatorTable.APPROX_COUNT_DISTINCT.createCall(s.end(this), e);
    }
}

/* ---------------------------------------------------------------------------------------------
 * SET / RESET
 * ------------------------------------------------------------------------------------------- */

/**
 * Parses "SET name {= | TO} value" and "RESET {name | ALL}" (setOptionParserMethod). Calcite's
 * own production takes only "="; Redshift scripts mostly write "SET search_path TO ...". The
 * words ON and DEFAULT, being reserved, become identifiers here so the planner sees one shape.
 */
SqlSetOption SqlSetOptionRedshift(Span s, String scope) :
{
    final SqlIdentifier name;
    final SqlNode value;
}
{
    <SET> { s.add(this); }
    name = CompoundIdentifier()
    ( <EQ> | <TO> )
    (
        value = Literal()
    |
        value = SimpleIdentifier()
    |
        <ON> { value = new SqlIdentifier("ON", getPos()); }
    |
        <DEFAULT_> { value = new SqlIdentifier("DEFAULT", getPos()); }
    )
    {
        return new SqlSetOption(s.end(value), scope, name, value);
    }
|
    <RESET> { s.add(this); }
    (
        name = CompoundIdentifier()
    |
        <ALL> { name = new SqlIdentifier("ALL", getPos()); }
    )
    {
        return new SqlSetOption(s.end(name), scope, name, null);
    }
}

/* ---------------------------------------------------------------------------------------------
 * EXPLAIN
 * ------------------------------------------------------------------------------------------- */

/**
 * Parses Redshift's "EXPLAIN [VERBOSE] statement" and PostgreSQL's "EXPLAIN ANALYZE query". Calcite's
 * own "EXPLAIN PLAN ... FOR" still parses: the first lookahead refuses PLAN, so the statement list falls
 * through to SqlExplain().
 */
SqlNode SqlExplainStatement() :
{
    final Span s;
    SqlExplainLevel detailLevel = SqlExplainLevel.EXPPLAN_ATTRIBUTES;
    boolean analyze = false;
    final SqlNode statement;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD({ getToken(1).kind != PLAN })
        [
            LOOKAHEAD({ "ANALYZE".equalsIgnoreCase(getToken(1).image) && getToken(1).kind == IDENTIFIER })
            <IDENTIFIER> { analyze = true; }
        ]
        [
            LOOKAHEAD({ "VERBOSE".equalsIgnoreCase(getToken(1).image) && getToken(1).kind == IDENTIFIER })
            <IDENTIFIER> { detailLevel = SqlExplainLevel.ALL_ATTRIBUTES; }
        ]
        statement = SqlQueryOrDml()
    )
    {
        if (analyze) {
            return new SqlExplainAnalyze(s.end(this), statement, nDynamicParams);
        }
        return new SqlExplain(s.end(this), statement,
            detailLevel.symbol(SqlParserPos.ZERO),
            SqlExplain.Depth.PHYSICAL.symbol(SqlParserPos.ZERO),
            SqlExplainFormat.TEXT.symbol(SqlParserPos.ZERO),
            nDynamicParams);
    }
}

/* ---------------------------------------------------------------------------------------------
 * CREATE TABLE and CREATE TABLE AS
 * ------------------------------------------------------------------------------------------- */

SqlCreate SqlCreateRedshiftTable(Span s, boolean replace) :
{
    boolean temporary = false;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlNodeList columnNames;
    final SqlNodeList elements;
    final TableAttributes attributes;
    final SqlNode query;
}
{
    RejectOrReplace(s, replace, "TABLE")
    [
        [ <LOCAL> ] ( <TEMP> | <TEMPORARY> ) { temporary = true; }
    ]
    <TABLE>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    (
        // "(a, b) AS query" renames the query's columns; "(a INT, ...)" defines them.
        LOOKAHEAD(3)
        columnNames = ParenthesizedSimpleIdentifierList()
        attributes = TableAttributesOpt()
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
            return new SqlCreateTableAs(s.end(this), temporary, ifNotExists, name, columnNames,
                attributes, query);
        }
    |
        elements = TableElementList()
        attributes = TableAttributesOpt() {
            return new SqlCreateTable(s.end(this), temporary, ifNotExists, name, elements,
                attributes);
        }
    |
        attributes = TableAttributesOpt()
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
            return new SqlCreateTableAs(s.end(this), temporary, ifNotExists, name,
                SqlNodeList.EMPTY, attributes, query);
        }
    )
}

SqlNodeList TableElementList() :
{
    final Span s;
    final List<SqlNode> elements = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    TableElement(elements)
    (
        <COMMA> TableElement(elements)
    )*
    <RPAREN> {
        return new SqlNodeList(elements, s.end(this));
    }
}

void TableElement(List<SqlNode> elements) :
{
    final SqlNode element;
}
{
    (
        // CONSTRAINT, PRIMARY, UNIQUE and FOREIGN are non-reserved, so a column may carry one
        // of those names; three tokens tell "primary key (a)" from "primary INT".
        LOOKAHEAD(3)
        element = TableConstraint()
    |
        element = ColumnDefinition()
    )
    { elements.add(element); }
}

SqlColumnDefinition ColumnDefinition() :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    final SqlColumnDefinition.Builder column;
}
{
    name = SimpleIdentifier()
    type = DataType() { column = SqlColumnDefinition.builder(name, type); }
    ( ColumnAttribute(column) )*
    {
        return column.build(getPos());
    }
}

void ColumnAttribute(SqlColumnDefinition.Builder column) :
{
    final SqlParserPos pos;
    final SqlNode defaultValue;
    final SqlNumericLiteral seed;
    final SqlNumericLiteral step;
    final SqlIdentifier encoding;
    final SqlIdentifier table;
    SqlIdentifier referencedColumn = null;
}
{
    <DEFAULT_> { pos = getPos(); }
    defaultValue = Expression(ExprContext.ACCEPT_NON_QUERY) { column.defaultValue(pos, defaultValue); }
|
    <IDENTITY> { pos = getPos(); }
    <LPAREN> seed = UnsignedNumericLiteral() <COMMA> step = SignedNumericLiteral() <RPAREN> {
        column.identity(pos, new IdentitySpec(
            seed.bigDecimalValue().longValueExact(), ((SqlNumericLiteral) step).bigDecimalValue().longValueExact()));
    }
|
    <ENCODE> { pos = getPos(); }
    encoding = SimpleIdentifier() { column.encoding(pos, encoding.getSimple()); }
|
    <DISTKEY> { column.distKey(getPos()); }
|
    <SORTKEY> { column.sortKey(getPos()); }
|
    <NOT> { pos = getPos(); } <NULL> { column.nullability(pos, ColumnNullability.NOT_NULL); }
|
    <NULL> { column.nullability(getPos(), ColumnNullability.NULL); }
|
    <PRIMARY> { pos = getPos(); } <KEY> { column.primaryKey(pos); }
|
    <UNIQUE> { column.unique(getPos()); }
|
    <REFERENCES> { pos = getPos(); }
    table = CompoundIdentifier()
    [ <LPAREN> referencedColumn = SimpleIdentifier() <RPAREN> ]
    { column.references(pos, table, referencedColumn); }
}

/** Parses a numeric literal with an optional sign, for IDENTITY steps such as -1. */
SqlNumericLiteral SignedNumericLiteral() :
{
    final SqlNumericLiteral value;
}
{
    <MINUS> value = UnsignedNumericLiteral() {
        return SqlLiteral.createNegative(value, getPos());
    }
|
    [ <PLUS> ] value = UnsignedNumericLiteral() { return value; }
}

SqlTableConstraint TableConstraint() :
{
    final Span s = Span.of();
    SqlIdentifier constraintName = null;
    final SqlTableConstraint.Kind kind;
    final SqlNodeList columns;
    SqlIdentifier referencedTable = null;
    SqlNodeList referencedColumns = SqlNodeList.EMPTY;
}
{
    [ <CONSTRAINT> { s.add(this); } constraintName = SimpleIdentifier() ]
    (
        <PRIMARY> { s.add(this); } <KEY> { kind = SqlTableConstraint.Kind.PRIMARY_KEY; }
        columns = ParenthesizedSimpleIdentifierList()
    |
        <UNIQUE> { s.add(this); kind = SqlTableConstraint.Kind.UNIQUE; }
        columns = ParenthesizedSimpleIdentifierList()
    |
        <FOREIGN> { s.add(this); } <KEY> { kind = SqlTableConstraint.Kind.FOREIGN_KEY; }
        columns = ParenthesizedSimpleIdentifierList()
        <REFERENCES> referencedTable = CompoundIdentifier()
        [ referencedColumns = ParenthesizedSimpleIdentifierList() ]
    )
    {
        return new SqlTableConstraint(s.end(this), constraintName, kind, columns,
            referencedTable, referencedColumns);
    }
}

TableAttributes TableAttributesOpt() :
{
    final TableAttributes.Builder attributes = TableAttributes.builder();
}
{
    ( TableAttribute(attributes) )*
    {
        return attributes.build();
    }
}

void TableAttribute(TableAttributes.Builder attributes) :
{
    final SqlParserPos pos;
    final SqlIdentifier column;
    final SqlNodeList columns;
    SortKeyStyle style = SortKeyStyle.COMPOUND;
}
{
    <DISTSTYLE> { pos = getPos(); }
    (
        <EVEN> { attributes.distStyle(pos, DistStyle.EVEN); }
    |   <KEY> { attributes.distStyle(pos, DistStyle.KEY); }
    |   <ALL> { attributes.distStyle(pos, DistStyle.ALL); }
    |   <AUTO> { attributes.distStyle(pos, DistStyle.AUTO); }
    )
|
    <DISTKEY> { pos = getPos(); }
    <LPAREN> column = SimpleIdentifier() <RPAREN> { attributes.distKey(pos, column); }
|
    <SORTKEY> { pos = getPos(); }
    (
        <AUTO> { attributes.sortKeyAuto(pos); }
    |
        columns = ParenthesizedSimpleIdentifierList() {
            attributes.sortKey(pos, SortKeyStyle.COMPOUND, columns);
        }
    )
|
    ( <COMPOUND> | <INTERLEAVED> { style = SortKeyStyle.INTERLEAVED; } ) { pos = getPos(); }
    <SORTKEY> columns = ParenthesizedSimpleIdentifierList() {
        attributes.sortKey(pos, style, columns);
    }
|
    <ENCODE> { pos = getPos(); } <AUTO> { attributes.encodeAuto(pos); }
|
    <BACKUP> { pos = getPos(); }
    (
        <YES> { attributes.backup(pos, true); }
    |   <NO> { attributes.backup(pos, false); }
    )
}

/* ---------------------------------------------------------------------------------------------
 * CREATE/DROP SCHEMA, VIEW, INDEX and DROP TABLE
 * ------------------------------------------------------------------------------------------- */

SqlCreate SqlCreateRedshiftSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
}
{
    RejectOrReplace(s, replace, "SCHEMA")
    <SCHEMA> ifNotExists = IfNotExistsOpt() name = CompoundIdentifier() {
        return new SqlCreateSchema(s.end(this), ifNotExists, name);
    }
}

SqlCreate SqlCreateRedshiftView(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNodeList columnNames = SqlNodeList.EMPTY;
    final SqlNode query;
}
{
    <VIEW> ifNotExists = IfNotExistsOpt() name = CompoundIdentifier()
    [ columnNames = ParenthesizedSimpleIdentifierList() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
        return new SqlCreateView(s.end(this), replace, ifNotExists, name, columnNames, query);
    }
}

SqlCreate SqlCreateRedshiftIndex(Span s, boolean replace) :
{
    boolean unique = false;
    final SqlIdentifier name;
    final SqlIdentifier table;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final Span columnSpan;
}
{
    RejectOrReplace(s, replace, "INDEX")
    [ <UNIQUE> { unique = true; } ]
    <INDEX> name = SimpleIdentifier()
    <ON> table = CompoundIdentifier()
    <LPAREN> { columnSpan = span(); }
    IndexColumn(columns)
    ( <COMMA> IndexColumn(columns) )*
    <RPAREN> {
        return new SqlCreateIndex(s.end(this), unique, name, table,
            new SqlNodeList(columns, columnSpan.end(this)));
    }
}

void IndexColumn(List<SqlNode> columns) :
{
    final SqlIdentifier column;
}
{
    column = SimpleIdentifier()
    (
        <DESC> {
            columns.add(SqlStdOperatorTable.DESC.createCall(getPos(), column));
        }
    |
        [ <ASC> ] { columns.add(column); }
    )
}

SqlDrop SqlDropRedshiftTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlNodeList names;
    final DropBehavior behavior;
}
{
    <TABLE> ifExists = IfExistsOpt() names = CompoundIdentifierCommaList()
    behavior = DropBehaviorOpt() {
        return new SqlDropTable(s.end(this), ifExists, names, behavior);
    }
}

SqlDrop SqlDropRedshiftSchema(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
    final DropBehavior behavior;
}
{
    <SCHEMA> ifExists = IfExistsOpt() name = CompoundIdentifier()
    behavior = DropBehaviorOpt() {
        return new SqlDropSchema(s.end(this), ifExists, name, behavior);
    }
}

SqlDrop SqlDropRedshiftView(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlNodeList names;
    final DropBehavior behavior;
}
{
    <VIEW> ifExists = IfExistsOpt() names = CompoundIdentifierCommaList()
    behavior = DropBehaviorOpt() {
        return new SqlDropView(s.end(this), ifExists, names, behavior);
    }
}

SqlDrop SqlDropRedshiftIndex(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <INDEX> ifExists = IfExistsOpt() name = CompoundIdentifier() {
        return new SqlDropIndex(s.end(this), ifExists, name);
    }
}

/* ---------------------------------------------------------------------------------------------
 * COPY
 * ------------------------------------------------------------------------------------------- */

SqlNode SqlCopy() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNodeList columns = SqlNodeList.EMPTY;
    final String source;
    final List<CopyOption> copyOptions = new ArrayList<CopyOption>();
    CopyOption option;
}
{
    <COPY> { s = span(); }
    table = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <FROM> source = SimpleStringLiteral()
    [ <WITH> ]
    (
        option = CopyOptionClause() { copyOptions.add(option); }
    )*
    {
        return new SqlCopy(s.end(this), table, columns, source, copyOptions);
    }
}

/**
 * Parses one COPY option. Option names are ordinary words, looked up in CopyOptionKind, rather
 * than ~40 new keywords; each kind says what value follows it, and the semantic lookaheads below
 * pick the matching shape, so "GZIP DELIMITER '|'" never reads DELIMITER as GZIP's value.
 */
CopyOption CopyOptionClause() :
{
    final SqlParserPos pos;
    final CopyOptionKind kind;
    final SqlIdentifier name;
    SqlIdentifier word;
    String value = null;
    String argument = null;
    int number;
}
{
    (
        <NULL> { pos = getPos(); kind = CopyOptionKind.NULL; }
    |
        name = SimpleIdentifier() {
            pos = name.getParserPosition();
            kind = CopyOptionKind.lookup(name.getSimple());
            if (kind == null) {
                throw ParseErrors.at(pos, "unknown COPY option \"" + name.getSimple() + "\"");
            }
        }
    )
    (
        LOOKAHEAD({ kind.valueShape() == CopyOptionKind.ValueShape.NONE })
        { }
    |
        LOOKAHEAD({ kind.valueShape() == CopyOptionKind.ValueShape.STRING })
        [ <AS> ] value = SimpleStringLiteral()
    |
        LOOKAHEAD({ kind.valueShape() == CopyOptionKind.ValueShape.OPTIONAL_STRING })
        [ [ <AS> ] value = SimpleStringLiteral() ]
    |
        LOOKAHEAD({ kind.valueShape() == CopyOptionKind.ValueShape.INTEGER })
        [ <AS> ] number = UnsignedIntLiteral() { value = Integer.toString(number); }
    |
        LOOKAHEAD({ kind.valueShape() == CopyOptionKind.ValueShape.ROLE })
        (
            value = SimpleStringLiteral()
        |
            <DEFAULT_> { value = CopyOption.DEFAULT_ROLE; }
        )
    |
        LOOKAHEAD({ kind.valueShape() == CopyOptionKind.ValueShape.SWITCH })
        [
            <ON> { value = "ON"; }
        |   <TRUE> { value = "ON"; }
        |   <FALSE> { value = "OFF"; }
        |   LOOKAHEAD({ CopyOptionKind.isSwitchWord(getToken(1).image) })
            word = SimpleIdentifier() { value = word.getSimple().toUpperCase(Locale.ROOT); }
        ]
    |
        LOOKAHEAD({ kind.valueShape() == CopyOptionKind.ValueShape.FORMAT })
        [ <AS> ]
        word = SimpleIdentifier() {
            value = CopyOptionKind.formatName(word);
        }
        [ argument = SimpleStringLiteral() ]
    )
    {
        return new CopyOption(kind, value, argument, pos);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Transaction control and TRUNCATE
 * ------------------------------------------------------------------------------------------- */

/**
 * BEGIN [WORK | TRANSACTION] [ISOLATION LEVEL ...] [READ WRITE], START TRANSACTION [...],
 * COMMIT | END [WORK | TRANSACTION], ROLLBACK | ABORT [WORK | TRANSACTION]. ABORT is an ordinary word
 * (recognized by its spelling) rather than a new keyword.
 */
SqlNode SqlTransactionStatement() :
{
    final Span s;
    final SqlTransactionControl.Action action;
}
{
    (
        <BEGIN> { s = span(); action = SqlTransactionControl.Action.BEGIN; }
        [ <WORK> | <TRANSACTION> ]
        TransactionModes()
    |
        <START> { s = span(); action = SqlTransactionControl.Action.BEGIN; }
        <TRANSACTION>
        TransactionModes()
    |
        ( <COMMIT> | <END> ) { s = span(); action = SqlTransactionControl.Action.COMMIT; }
        [ <WORK> | <TRANSACTION> ]
    |
        <ROLLBACK> { s = span(); action = SqlTransactionControl.Action.ROLLBACK; }
        [ <WORK> | <TRANSACTION> ]
    |
        LOOKAHEAD({ getToken(1).kind == IDENTIFIER && "ABORT".equalsIgnoreCase(getToken(1).image) })
        <IDENTIFIER> { s = span(); action = SqlTransactionControl.Action.ROLLBACK; }
        [ <WORK> | <TRANSACTION> ]
    )
    {
        return new SqlTransactionControl(s.end(this), action);
    }
}

/** Isolation levels are accepted and all run as snapshot isolation, as Redshift's do. */
void TransactionModes() :
{
}
{
    (
        <ISOLATION> <LEVEL>
        (
            <SERIALIZABLE>
        |   <READ> ( <COMMITTED> | <UNCOMMITTED> )
        |   <REPEATABLE> <READ>
        )
    |
        <READ> <WRITE>
    )*
}

/** TRUNCATE [TABLE] name. */
SqlNode SqlTruncateTableStatement() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <TRUNCATE> { s = span(); }
    [ <TABLE> ]
    name = CompoundIdentifier()
    {
        return new SqlTruncateTable(s.end(this), name);
    }
}

/* ---------------------------------------------------------------------------------------------
 * VACUUM [FULL | SORT ONLY | DELETE ONLY | REINDEX] [table] [TO n PERCENT] [BOOST]. VACUUM, SORT,
 * REINDEX and BOOST are ordinary words, recognized by their text, so none of them becomes a keyword.
 * ------------------------------------------------------------------------------------------- */

SqlNode SqlVacuumStatement() :
{
    Span s;
    SqlVacuum.Mode mode = SqlVacuum.Mode.FULL;
    SqlIdentifier table = null;
    int threshold = SqlVacuum.DEFAULT_THRESHOLD;
    boolean boost = false;
}
{
    // A choice, so that the statement list's syntactic lookahead evaluates the word test and moves on
    // to other statements that start with a word (the second branch never matches).
    (
        LOOKAHEAD({ "VACUUM".equalsIgnoreCase(getToken(1).image) })
        SimpleIdentifier() { s = span(); }
    |
        LOOKAHEAD({ false }) <EOF> { throw new IllegalStateException(); }
    )
    [
        <FULL> { mode = SqlVacuum.Mode.FULL; }
    |
        LOOKAHEAD({ "SORT".equalsIgnoreCase(getToken(1).image) && getToken(2).kind == ONLY })
        SimpleIdentifier() <ONLY> { mode = SqlVacuum.Mode.SORT_ONLY; }
    |
        <DELETE> <ONLY> { mode = SqlVacuum.Mode.DELETE_ONLY; }
    |
        LOOKAHEAD({ "REINDEX".equalsIgnoreCase(getToken(1).image) })
        SimpleIdentifier() { mode = SqlVacuum.Mode.REINDEX; }
    ]
    [
        LOOKAHEAD({ getToken(1).kind != EOF && getToken(1).kind != SEMICOLON && getToken(1).kind != TO
            && !"BOOST".equalsIgnoreCase(getToken(1).image) })
        table = CompoundIdentifier()
    ]
    [
        <TO> threshold = UnsignedIntLiteral() <PERCENT>
    ]
    [
        LOOKAHEAD({ "BOOST".equalsIgnoreCase(getToken(1).image) })
        SimpleIdentifier() { boost = true; }
    ]
    {
        return new SqlVacuum(s.end(this), mode, table, threshold, boost);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Tokens for the POSIX regular-expression operators (~, ~*, !~, !~*) that
 * includePosixOperators switches on in Parser.jj.
 * ------------------------------------------------------------------------------------------- */

<DEFAULT, DQID, BTID> TOKEN :
{
    < NEGATE: "!" >
|   < TILDE: "~" >
}

/* ---------------------------------------------------------------------------------------------
 * ALTER TABLE
 * ------------------------------------------------------------------------------------------- */

SqlNode SqlAlterRedshiftTable() :
{
    final Span s;
    final SqlIdentifier table;
    final SqlIdentifier column;
    final SqlIdentifier newName;
    final SqlColumnDefinition added;
    final DropBehavior behavior;
}
{
    <ALTER> { s = span(); } <TABLE> table = CompoundIdentifier()
    (
        LOOKAHEAD({ "RENAME".equalsIgnoreCase(getToken(1).image) })
        SimpleIdentifier()
        (
            <TO> newName = CompoundIdentifier() {
                return SqlAlterTable.renameTable(s.end(this), table, newName);
            }
        |
            [ LOOKAHEAD(2) <COLUMN> ] column = SimpleIdentifier() <TO> newName = SimpleIdentifier() {
                return SqlAlterTable.renameColumn(s.end(this), table, column, newName);
            }
        )
    |
        <ADD> [ LOOKAHEAD(2) <COLUMN> ] added = ColumnDefinition() {
            return SqlAlterTable.addColumn(s.end(this), table, added);
        }
    |
        <DROP> [ LOOKAHEAD(2) <COLUMN> ] column = SimpleIdentifier() behavior = DropBehaviorOpt() {
            return SqlAlterTable.dropColumn(s.end(this), table, column, behavior);
        }
    )
}

/* ---------------------------------------------------------------------------------------------
 * ANALYZE and ANALYZE COMPRESSION. ANALYZE, COMPRESSION, VERBOSE, PREDICATE, COLUMNS and COMPROWS are ordinary words,
 * recognized by their text, so none of them becomes a keyword.
 * ------------------------------------------------------------------------------------------- */

SqlNode SqlAnalyzeStatement() :
{
    Span s;
    SqlIdentifier command;
    boolean compression = false;
    SqlIdentifier table = null;
    SqlNodeList columns = null;
    boolean predicateColumns = false;
    long compRows = SqlAnalyze.DEFAULT_ROWS;
}
{
    // A choice, so that the statement list's syntactic lookahead evaluates the word test and moves on
    // to other statements that start with a word (the second branch never matches).
    (
        LOOKAHEAD({ "ANALYZE".equalsIgnoreCase(getToken(1).image) })
        command = SimpleIdentifier() { s = span(); }
    |
        LOOKAHEAD({ false }) <EOF> { throw new IllegalStateException(); }
    )
    [
        LOOKAHEAD({ "COMPRESSION".equalsIgnoreCase(getToken(1).image) })
        SimpleIdentifier() { compression = true; }
    |
        LOOKAHEAD({ "VERBOSE".equalsIgnoreCase(getToken(1).image) })
        SimpleIdentifier()
    ]
    [
        LOOKAHEAD({ getToken(1).kind != EOF && getToken(1).kind != SEMICOLON && getToken(1).kind != ALL
            && !"COMPROWS".equalsIgnoreCase(getToken(1).image)
            && !("PREDICATE".equalsIgnoreCase(getToken(1).image) && "COLUMNS".equalsIgnoreCase(getToken(2).image)) })
        table = CompoundIdentifier()
        [ columns = ParenthesizedSimpleIdentifierList() ]
    ]
    [
        LOOKAHEAD({ "PREDICATE".equalsIgnoreCase(getToken(1).image) && "COLUMNS".equalsIgnoreCase(getToken(2).image) })
        SimpleIdentifier() SimpleIdentifier() { predicateColumns = true; }
    |
        LOOKAHEAD({ getToken(1).kind == ALL && "COLUMNS".equalsIgnoreCase(getToken(2).image) })
        <ALL> SimpleIdentifier()
    ]
    [
        LOOKAHEAD({ "COMPROWS".equalsIgnoreCase(getToken(1).image) })
        SimpleIdentifier() compRows = UnsignedIntLiteral()
    ]
    {
        return new SqlAnalyze(s.end(this), compression, table, columns, predicateColumns, compRows);
    }
}

/* ---------------------------------------------------------------------------------------------
 * DELETE ... USING and UPDATE ... FROM
 *
 * Both replace Calcite's own DELETE and UPDATE productions: statementParserMethods are tried first
 * (LOOKAHEAD(2) on "DELETE FROM" / "UPDATE name"), so every DELETE and UPDATE comes through here.
 * Without USING or FROM they build Calcite's plain SqlDelete / SqlUpdate, as Calcite's productions do.
 * Calcite's EXTEND (ad hoc extra columns on the target) is left out: Redshift has no such clause, and with
 * EXTEND a non-reserved word it would take a target alias named "extend".
 * ------------------------------------------------------------------------------------------- */

/** DELETE [FROM] table [[AS] alias] [USING from_list] [WHERE condition]; FROM is optional in Redshift. */
SqlNode SqlDeleteRedshift() :
{
    final Span s;
    final SqlIdentifier tableName;
    SqlNode tableRef;
    final SqlIdentifier alias;
    final SqlNode using;
    final SqlNode where;
}
{
    <DELETE> { s = span(); }
    [ <FROM> ]
    tableName = CompoundTableIdentifier()
    ( tableRef = TableHints(tableName) | { tableRef = tableName; } )
    ( [ <AS> ] alias = SimpleIdentifier() | { alias = null; } )
    ( <USING> using = FromClause() | { using = null; } )
    ( where = Where() | { where = null; } )
    {
        SqlParserPos pos = s.add(tableRef).addIf(alias).addIf(using).addIf(where).pos();
        if (using == null) {
            return new SqlDelete(pos, tableRef, where, null, alias);
        }
        return new SqlDeleteUsing(pos, tableRef, alias, using, where);
    }
}

/** UPDATE table [[AS] alias] SET column = expression [, ...] [FROM from_list] [WHERE condition]. */
SqlNode SqlUpdateRedshift() :
{
    final Span s;
    final SqlIdentifier tableName;
    SqlNode tableRef;
    final SqlIdentifier alias;
    final SqlNodeList targetColumnList;
    final SqlNodeList sourceExpressionList;
    SqlIdentifier id;
    final SqlNode from;
    final SqlNode where;
}
{
    <UPDATE> {
        s = span();
        targetColumnList = new SqlNodeList(s.pos());
        sourceExpressionList = new SqlNodeList(s.pos());
    }
    tableName = CompoundTableIdentifier()
    ( tableRef = TableHints(tableName) | { tableRef = tableName; } )
    ( [ <AS> ] alias = SimpleIdentifier() | { alias = null; } )
    <SET> id = CompoundIdentifier() { targetColumnList.add(id); }
    <EQ> AddExpression(sourceExpressionList, ExprContext.ACCEPT_SUB_QUERY)
    (
        <COMMA>
        id = CompoundIdentifier() { targetColumnList.add(id); }
        <EQ> AddExpression(sourceExpressionList, ExprContext.ACCEPT_SUB_QUERY)
    )*
    ( <FROM> from = FromClause() | { from = null; } )
    ( where = Where() | { where = null; } )
    {
        SqlParserPos pos = s.addAll(targetColumnList).addAll(sourceExpressionList).addIf(from).addIf(where).pos();
        if (from == null) {
            return new SqlUpdate(pos, tableRef, targetColumnList, sourceExpressionList, where, null, alias);
        }
        return new SqlUpdateFrom(pos, tableRef, alias, targetColumnList, sourceExpressionList, from, where);
    }
}
