from b2b_reader.cli import main

raise SystemExit(main())
