document.title = "Sudoku Lens";
